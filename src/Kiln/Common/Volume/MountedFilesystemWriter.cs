using Kiln.Disks;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// The general path: a loop device over the partition's region of the disk file, mkfs (or the manifest's
/// format_command), a mount, and a copy of the tree. Used for XFS, whose mkfs cannot fill a filesystem
/// from a directory, and whenever a format_command or a btrfs top-directory mode asks for it.
/// </summary>
public sealed class MountedFilesystemWriter : IFilesystemWriter
{
    public IEnumerable<HostTool> RequiredTools(DiskPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var spec = partition.Spec!;
        var tools = new List<HostTool> { new("losetup", "mount"), new("mount", "mount"), new("cp", "coreutils") };
        if (spec.FormatCommand is null)
        {
            tools.Add(new HostTool(FilesystemCommands.ProgramFor(spec.Filesystem), FilesystemCommands.PackageFor(spec.Filesystem)));
        }

        return tools;
    }

    public async Task WriteAsync(BuildContext context, DiskPartition partition, string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(partition);
        var spec = partition.Spec!;
        var (device, detach) = await new LoopDevices(context.Runner, context.Undo, context.Journal).AttachAsync(context.DiskPath, partition.Start.Bytes, partition.Size.Bytes, cancellationToken);
        var format = spec.FormatCommand is { } template
            ? FilesystemCommands.FromTemplate(template, spec.Filesystem, device, partition.Size)
            : FilesystemCommands.ForDevice(spec.Filesystem, partition.Uuid!, device);
        await context.Runner.RunCheckedAsync(format, cancellationToken);
        var mountPoint = Path.Combine(context.Paths.MountDirectory, partition.ScratchName);
        Directory.CreateDirectory(mountPoint);
        var unmount = await new Mounts(context.Runner, context.Undo, context.Journal).MountAsync(device, mountPoint, spec.Filesystem.ToString().ToLowerInvariant(), [], cancellationToken);
        await context.Runner.RunCheckedAsync(new CommandLine("cp", "-a", "--", sourceDirectory + "/.", mountPoint + "/"), cancellationToken);
        if (spec.Mode is { } mode)
        {
            await context.Runner.RunCheckedAsync(new CommandLine("chmod", mode, mountPoint), cancellationToken);
        }

        await unmount.ReleaseAsync(cancellationToken);
        await detach.ReleaseAsync(cancellationToken);
    }
}
