using Kiln.Common.Chroot;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Packages;

/// <summary>Installs, with apt in the chroot, the requested packages the bootstrap did not install.</summary>
public sealed class InstallPackages : BuildTask
{
    private const string LocalDebDirectory = "/var/cache/kiln-debs";

    public override Phase Phase => Phase.PackageInstallation;

    public override string Description => "Installing packages";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pending = context.Packages.Pending;
        if (pending.Count == 0)
        {
            return;
        }

        if (context.DebconfSelections.Count > 0)
        {
            var selections = new CommandLine("debconf-set-selections") { StandardInput = Bootstrap.EarlyFileWriter.DebconfText(context) };
            await context.Chroot.RunAsync(selections, cancellationToken);
        }

        await AptUpdateAsync(context, cancellationToken);
        var arguments = new List<string> { "install", "-y", "-q", "--no-install-recommends", "-o", "Dpkg::Options::=--force-unsafe-io" };
        foreach (var request in pending)
        {
            if (request.LocalPath is { } local)
            {
                var inImage = $"{LocalDebDirectory}/{Path.GetFileName(local)}";
                Directory.CreateDirectory(context.Paths.InRoot(LocalDebDirectory));
                File.Copy(local, context.Paths.InRoot(inImage), overwrite: true);
                arguments.Add(inImage);
            }
            else
            {
                arguments.Add(request.AptArgument);
            }
        }

        await context.Chroot.RunAsync(new CommandLine("apt-get", arguments), cancellationToken);
        context.Packages.MarkInstalled(pending);
        if (Directory.Exists(context.Paths.InRoot(LocalDebDirectory)))
        {
            Directory.Delete(context.Paths.InRoot(LocalDebDirectory), recursive: true);
        }
    }

    /// <summary>Refreshes the package lists in the chroot (the sources may have changed since the bootstrap).</summary>
    public static Task<CommandResult> AptUpdateAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Chroot.RunAsync(new CommandLine("apt-get", "update", "-q"), cancellationToken);
    }
}
