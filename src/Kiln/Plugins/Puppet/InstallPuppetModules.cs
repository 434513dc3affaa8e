using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// Installs the manifest's modules with <c>puppet module install --force</c> in the image (bootstrap-vz's call;
/// --force also skips dependency resolution). A module archive is copied into the image's /tmp first.
/// </summary>
public sealed class InstallPuppetModules : BuildTask
{
    public const string ArchiveDirectory = "/tmp/kiln-puppet-modules";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing Puppet modules";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modules = context.Spec.SettingsOf<PuppetSettings>().Modules;
        var archives = context.Paths.InRoot(ArchiveDirectory);
        foreach (var module in modules)
        {
            if (module.ArchivePath is { } archive)
            {
                Directory.CreateDirectory(archives);
                File.Copy(archive, Path.Combine(archives, module.Name), overwrite: true);
            }

            await context.Chroot.RunAsync(Command(module), cancellationToken);
        }

        if (Directory.Exists(archives))
        {
            Directory.Delete(archives, recursive: true);
        }
    }

    public static CommandLine Command(PuppetModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (module.IsArchive)
        {
            // A local archive must not send Puppet to the Forge for its dependencies: list those as archives too.
            return new CommandLine("puppet", "module", "install", "--color=false", "--force", "--ignore-dependencies", $"{ArchiveDirectory}/{module.Name}");
        }

        return module.Version is null
            ? new CommandLine("puppet", "module", "install", "--color=false", "--force", module.Name)
            : new CommandLine("puppet", "module", "install", "--color=false", "--force", module.Name, "--version", module.Version);
    }
}
