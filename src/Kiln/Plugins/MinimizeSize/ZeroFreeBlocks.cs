using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// Runs zerofree on every ext filesystem of the disk (in place, through the offset syntax of e2fsprogs' I/O layer)
/// and reports how many free blocks still held data. Kiln writes each filesystem fresh from the root tree, so the
/// answer is normally none: deleted files never reach the disk, and blocks never written read as zeros.
/// </summary>
public sealed partial class ZeroFreeBlocks : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Zeroing unused blocks (zerofree)";

    public override IReadOnlyList<Type> Predecessors => [typeof(WriteFilesystems)];

    public override IEnumerable<HostTool> Tools => [new HostTool("zerofree", "zerofree")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var partition in ExtFilesystems(context.RequireLayout()))
        {
            // zerofree rewrites the superblock on closing: its write time is the epoch's, not the clock's.
            var result = await context.Runner.RunCheckedAsync(FilesystemEnvironment.Apply(Command(context.DiskPath, partition.Start), context.SourceDateEpoch?.Seconds), cancellationToken);
            if (Summary().Match(result.StandardOutput) is { Success: true } summary)
            {
                context.Announce($"zerofree {partition.Spec!.MountPoint}: {summary.Groups["zeroed"].Value} of {summary.Groups["free"].Value} free blocks held data and were zeroed");
            }
        }
    }

    public static IEnumerable<DiskPartition> ExtFilesystems(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Filesystems.Where(p => IsExt(p.Spec!.Filesystem));
    }

    public static bool IsExt(FilesystemKind kind) => kind is FilesystemKind.Ext2 or FilesystemKind.Ext3 or FilesystemKind.Ext4;

    /// <summary>zerofree -v prints <c>zeroed/free/total</c> blocks on standard output (and its progress on standard error).</summary>
    public static CommandLine Command(string disk, ByteSize offset) =>
        new("zerofree", "-v", $"{disk}?offset={offset.Bytes.ToString(CultureInfo.InvariantCulture)}");

    [GeneratedRegex(@"^(?<zeroed>\d+)/(?<free>\d+)/(?<total>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
