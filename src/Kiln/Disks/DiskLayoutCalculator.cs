using Kiln.Manifests;

namespace Kiln.Disks;

/// <summary>
/// Places the manifest's partitions on the disk. As in bootstrap-vz the disk is exactly as large as the
/// partition sizes add up to, and what the table needs (its first MiB, a GPT BIOS boot partition, the
/// backup GPT, the msdos boot records of logical partitions) is taken from the partitions next to it.
/// Every partition starts on a MiB boundary.
/// </summary>
public static class DiskLayoutCalculator
{
    public static readonly ByteSize Alignment = ByteSize.FromMiB(1);

    /// <summary>The space at the end of a GPT disk that holds the backup header and entries.</summary>
    public static readonly ByteSize GptBackupSize = ByteSize.FromSectors(33);

    private const int MaxPrimaryPartitions = 4;

    public static DiskLayout Calculate(VolumeSection volume, Bootloader bootloader, Func<Guid> newUuid)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(newUuid);
        var total = volume.TotalSize;
        if (volume.PartitionMap == PartitionMapKind.None)
        {
            var root = volume.Root;
            return new DiskLayout(PartitionMapKind.None, total, [new DiskPartition
            {
                Number = 0, Start = ByteSize.Zero, Size = total, Role = PartitionRole.Filesystem, Spec = root, Uuid = newUuid().ToString(),
            }]);
        }

        var entries = OrderedEntries(volume);
        var partitions = new List<DiskPartition>();
        var cursor = Alignment;
        if (volume.PartitionMap == PartitionMapKind.Gpt && bootloader == Bootloader.Grub)
        {
            partitions.Add(new DiskPartition { Number = 1, Start = cursor, Size = Alignment, Role = PartitionRole.BiosBoot });
            cursor += Alignment;
        }

        var end = volume.PartitionMap == PartitionMapKind.Gpt ? (total - GptBackupSize).AlignDown(ByteSize.FromSectors(1)) : total;
        var useLogical = volume.PartitionMap == PartitionMapKind.Msdos && entries.Count > MaxPrimaryPartitions;
        var nominalStart = ByteSize.Zero;
        var bootableKey = volume.Partitions.Any(p => p.Key == "boot") ? "boot" : "root";
        for (var index = 0; index < entries.Count; index++)
        {
            var (spec, nominalSize) = entries[index];
            var nominalEnd = index == entries.Count - 1 ? end : nominalStart + nominalSize;
            var start = Max(nominalStart.AlignUp(Alignment), cursor);
            var number = partitions.Count + 1;
            if (useLogical && index >= MaxPrimaryPartitions - 1)
            {
                if (index == MaxPrimaryPartitions - 1)
                {
                    partitions.Add(new DiskPartition { Number = MaxPrimaryPartitions, Start = start, Size = end - start, Role = PartitionRole.Extended });
                }

                // Each logical partition is preceded by its extended boot record, one MiB with alignment.
                start += Alignment;
                number = MaxPrimaryPartitions + 1 + (index - (MaxPrimaryPartitions - 1));
            }

            var size = (nominalEnd - start).AlignDown(ByteSize.FromSectors(1));
            partitions.Add(new DiskPartition
            {
                Number = number,
                Start = start,
                Size = size,
                Role = spec is null ? PartitionRole.Swap : PartitionRole.Filesystem,
                Spec = spec,
                Uuid = newUuid().ToString(),
                Bootable = spec?.Key == bootableKey,
            });
            cursor = start + size;
            nominalStart += nominalSize;
        }

        return new DiskLayout(volume.PartitionMap, total, partitions);
    }

    /// <summary>bootstrap-vz's order: boot, swap, root, then the other partitions as the manifest lists them.</summary>
    private static List<(PartitionSpec? Spec, ByteSize Size)> OrderedEntries(VolumeSection volume)
    {
        var entries = new List<(PartitionSpec?, ByteSize)>();
        entries.AddRange(volume.Partitions.Where(p => p.Key == "boot").Select(p => ((PartitionSpec?)p, p.Size)));
        if (volume.Swap is { } swap)
        {
            entries.Add((null, swap));
        }

        entries.Add((volume.Root, volume.Root.Size));
        entries.AddRange(volume.Partitions.Where(p => p.Key is not "boot" and not "root").Select(p => ((PartitionSpec?)p, p.Size)));
        return entries;
    }

    private static ByteSize Max(ByteSize left, ByteSize right) => left > right ? left : right;
}
