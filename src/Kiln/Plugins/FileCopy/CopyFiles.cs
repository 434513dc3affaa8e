using System.Globalization;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.FileCopy;

/// <summary>
/// Copies the manifest's files into the image. Each source is first copied into a staging directory in the
/// root, then into place by cp inside the chroot, so that links in the image resolve inside the image and
/// the copies belong to root (or to the owner and group the entry names), not to the host user.
/// </summary>
public sealed class CopyFiles : BuildTask
{
    /// <summary>The staging directory in the image, removed once every file is in place.</summary>
    public const string StagingDirectory = "/kiln-file-copy";

    public override Phase Phase => Phase.UserModification;

    public override string Description => "Copying the manifest's files into the image";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateDirectories)];

    public override IEnumerable<HostTool> Tools => [new HostTool("cp", "coreutils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var staging = context.Paths.InRoot(StagingDirectory);
        // A fresh directory of our own: nothing in the image can have made it a link to elsewhere.
        Directory.CreateDirectory(staging);
        try
        {
            var files = context.Spec.SettingsOf<FileCopySettings>().Files;
            for (var index = 0; index < files.Count; index++)
            {
                await CopyAsync(context, files[index], index, cancellationToken);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Where a source lands: a file goes into the destination when that ends with / or is a directory in the
    /// image (as cp and bootstrap-vz did); otherwise, and for a directory, the destination is the copy itself.
    /// </summary>
    public static string Target(FileEntry entry, bool sourceIsDirectory, bool destinationIsDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var into = !sourceIsDirectory && (entry.Destination.EndsWith('/') || destinationIsDirectory);
        var destination = entry.Destination.Length > 1 ? entry.Destination.TrimEnd('/') : entry.Destination;
        destination = destination.StartsWith('/') ? destination : "/" + destination;
        return into ? $"{destination.TrimEnd('/')}/{Path.GetFileName(entry.Source)}" : destination;
    }

    private static async Task CopyAsync(BuildContext context, FileEntry entry, int index, CancellationToken cancellationToken)
    {
        var staged = $"{StagingDirectory}/{index.ToString(CultureInfo.InvariantCulture)}/{Path.GetFileName(entry.Source.TrimEnd('/'))}";
        Directory.CreateDirectory(Path.GetDirectoryName(context.Paths.InRoot(staged))!);
        // -H: a source that is itself a link is copied as what it points to (as bootstrap-vz did); links inside a
        // copied directory stay links.
        await context.Runner.RunCheckedAsync(new CommandLine("cp", "-a", "-H", "--", entry.Source, context.Paths.InRoot(staged)), cancellationToken);
        var sourceIsDirectory = Directory.Exists(entry.Source);
        var destinationIsDirectory = Directory.Exists(context.Paths.InRoot(ImagePaths.Resolve(context.Paths.Root, entry.Destination)));
        var target = Target(entry, sourceIsDirectory, destinationIsDirectory);
        await context.Chroot.RunAsync(new CommandLine("mkdir", "-p", Path.GetDirectoryName(target)!), cancellationToken);
        await context.Chroot.RunAsync(new CommandLine("cp", "-R", "--preserve=mode,timestamps", "-T", staged, target), cancellationToken);
        foreach (var command in entry.Attributes.Commands(target))
        {
            await context.Chroot.RunAsync(command, cancellationToken);
        }
    }
}
