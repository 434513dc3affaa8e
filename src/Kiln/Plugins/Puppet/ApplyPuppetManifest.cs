using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// Applies the manifest with <c>puppet apply</c> in the image. With --detailed-exitcodes a resource that fails
/// fails the build (plain puppet apply exits 0 then); 2 only means that something changed.
/// </summary>
public sealed class ApplyPuppetManifest : BuildTask
{
    public const string ManifestDirectory = "/tmp/kiln-puppet";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Applying the Puppet manifest in the image";

    public override IReadOnlyList<Type> Predecessors => [typeof(InstallPuppetModules), typeof(CopyPuppetAssets)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.Spec.SettingsOf<PuppetSettings>().Manifest!;
        var directory = context.Paths.InRoot(ManifestDirectory);
        Directory.CreateDirectory(directory);
        File.Copy(source, Path.Combine(directory, Path.GetFileName(source)), overwrite: true);
        var result = await context.Runner.RunAsync(Command(context.Chroot, $"{ManifestDirectory}/{Path.GetFileName(source)}"), cancellationToken);
        if (result.ExitCode is not (0 or 2))
        {
            throw new CommandFailedException(result);
        }

        Directory.Delete(directory, recursive: true);
    }

    public static CommandLine Command(Chroot chroot, string manifestInImage)
    {
        ArgumentNullException.ThrowIfNull(chroot);
        return chroot.Command("puppet", "apply", "--verbose", "--detailed-exitcodes", "--color=false", manifestInImage);
    }
}
