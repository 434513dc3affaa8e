using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>
/// Installs extlinux into the written boot filesystem (extlinux needs it mounted: a loop device over just
/// that partition's region) and puts syslinux's MBR code in front of the partition table.
/// </summary>
public sealed class InstallExtlinux : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Installing extlinux";

    public override IReadOnlyList<Type> Predecessors => [typeof(WriteFilesystems)];

    public override IEnumerable<HostTool> Tools =>
        [new("extlinux", "extlinux"), new("losetup", "mount"), new("mount", "mount")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var boot = layout.Boot;
        var (device, detach) = await new LoopDevices(context.Runner, context.Undo, context.Journal).AttachAsync(context.DiskPath, boot.Start.Bytes, boot.Size.Bytes, cancellationToken);
        var mountPoint = Path.Combine(context.Paths.MountDirectory, "boot");
        Directory.CreateDirectory(mountPoint);
        var unmount = await new Mounts(context.Runner, context.Undo, context.Journal).MountAsync(device, mountPoint, boot.Spec!.Filesystem.ToString().ToLowerInvariant(), [], cancellationToken);
        var directory = mountPoint + ExtlinuxConfiguration.DirectoryOnBootFilesystem(layout);
        await context.Runner.RunCheckedAsync(new CommandLine("extlinux", "--install", directory), cancellationToken);
        await unmount.ReleaseAsync(cancellationToken);
        await detach.ReleaseAsync(cancellationToken);
        if (layout.Map != PartitionMapKind.None)
        {
            await WriteMasterBootRecordAsync(context, layout.Map, cancellationToken);
        }
    }

    private static async Task WriteMasterBootRecordAsync(BuildContext context, PartitionMapKind map, CancellationToken cancellationToken)
    {
        var code = map == PartitionMapKind.Gpt ? "gptmbr.bin" : "mbr.bin";
        var bytes = await File.ReadAllBytesAsync(context.Paths.InRoot($"/usr/lib/syslinux/mbr/{code}"), cancellationToken);
        await using var disk = new FileStream(context.DiskPath, FileMode.Open, FileAccess.Write);
        await disk.WriteAsync(bytes.AsMemory(0, Math.Min(bytes.Length, GrubBootCode.MbrCodeSize)), cancellationToken);
    }
}
