using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.FileCopy;

/// <summary>Creates the <c>mkdirs</c> directories in the image (mkdir -p in the chroot) and sets their attributes.</summary>
public sealed class CreateDirectories : BuildTask
{
    public override Phase Phase => Phase.UserModification;

    public override string Description => "Creating the manifest's directories";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var directory in context.Spec.SettingsOf<FileCopySettings>().Directories)
        {
            await context.Chroot.RunAsync(new CommandLine("mkdir", "-p", directory.Path), cancellationToken);
            foreach (var command in directory.Attributes.Commands(directory.Path))
            {
                await context.Chroot.RunAsync(command, cancellationToken);
            }
        }
    }
}
