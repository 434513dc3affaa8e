using Kiln.Manifests;
using Kiln.Platforms;

namespace Kiln.Disks;

/// <summary>
/// Places the manifest's partitions on the disk. As in bootstrap-vz the disk is exactly as large as the
/// partition sizes add up to, and what the table needs (its first MiB, a GPT BIOS boot partition, the
/// backup GPT, the msdos boot records of logical partitions) is taken from the partitions next to it.
/// An EFI system partition the manifest does not list adds its default share (128 MiB) to the disk. Every
/// partition starts on a MiB boundary. With an ESP on GPT the firmware's partitions come first and are
/// numbered as in Debian's cloud images (BIOS boot 14, ESP 15, the manifest's from 1), so root is p1. The
/// partition of the image's volume group (<c>lvm</c>) takes root's place when it holds root, else it comes last;
/// <see cref="VolumeGroupCalculator"/> places its logical volumes. Every identifier (filesystem UUIDs, GPT
/// partition GUIDs, the disk id, ext hash seeds, LVM's UUIDs) comes from <see cref="DiskIdentifiers"/>.
/// </summary>
public static class DiskLayoutCalculator
{
    public static readonly ByteSize Alignment = ByteSize.FromMiB(1);

    /// <summary>The space at the end of a GPT disk that holds the backup header and entries.</summary>
    public static readonly ByteSize GptBackupSize = ByteSize.FromSectors(33);

    /// <summary>The ESP's default share of the disk: with the first MiB and a 3 MiB BIOS boot partition, a 124 MiB ESP, Debian's layout.</summary>
    public static readonly ByteSize DefaultEspShare = ByteSize.FromMiB(128);

    /// <summary>The BIOS boot partition next to an ESP (Debian's cloud layout); alone it keeps bootstrap-vz's one MiB.</summary>
    public static readonly ByteSize HybridBiosBootSize = ByteSize.FromMiB(3);

    public const int BiosBootNumberBesideEsp = 14;
    public const int EspNumber = 15;

    private const int MaxPrimaryPartitions = 4;

    public static DiskLayout Calculate(VolumeSection volume, LayoutNeeds needs, DiskIdentifiers ids)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(ids);
        var withEsp = needs.EfiSystemPartition && volume.PartitionMap != PartitionMapKind.None;
        var total = volume.TotalSize + (withEsp && volume.Esp is null ? DefaultEspShare : ByteSize.Zero);
        if (volume.PartitionMap == PartitionMapKind.None)
        {
            var root = volume.Root;
            var whole = new DiskPartition
            {
                Number = 0, Start = ByteSize.Zero, Size = total, Role = PartitionRole.Filesystem, Spec = root, Uuid = ids.Filesystem(root.Key).ToString(),
            };
            return new DiskLayout(PartitionMapKind.None, total, [WithHashSeed(whole, ids)]);
        }

        var gpt = volume.PartitionMap == PartitionMapKind.Gpt;
        var debianNumbers = gpt && withEsp;
        var entries = OrderedEntries(volume, withEsp);
        var partitions = new List<DiskPartition>();
        var cursor = Alignment;
        if (gpt && needs.BiosBootPartition)
        {
            var size = withEsp ? HybridBiosBootSize : Alignment;
            partitions.Add(new DiskPartition { Number = debianNumbers ? BiosBootNumberBesideEsp : 1, Start = cursor, Size = size, Role = PartitionRole.BiosBoot });
            cursor += size;
        }

        var end = gpt ? (total - GptBackupSize).AlignDown(ByteSize.FromSectors(1)) : total;
        var useLogical = volume.PartitionMap == PartitionMapKind.Msdos && entries.Count > MaxPrimaryPartitions;
        var nominalStart = ByteSize.Zero;
        var bootableKey = volume.Partitions.Any(p => p.Key == "boot") ? "boot" : "root";
        var rootOnLvm = volume.VolumeGroup?.HoldsRoot == true;
        var nextNumber = debianNumbers ? 1 : partitions.Count + 1;
        for (var index = 0; index < entries.Count; index++)
        {
            var (role, spec, nominalSize) = entries[index];
            var nominalEnd = index == entries.Count - 1 ? end : nominalStart + nominalSize;
            var start = Max(nominalStart.AlignUp(Alignment), cursor);
            var isEsp = role == PartitionRole.Esp;
            var number = debianNumbers && isEsp ? EspNumber : nextNumber++;
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
                Role = role,
                Spec = spec,
                Uuid = role switch
                {
                    PartitionRole.Esp => FatVolumeId.From(ids.Filesystem(PartitionSpec.EspKey)),
                    PartitionRole.PhysicalVolume => LvmUuid.From(ids.Filesystem(VolumeGroupSpec.Key)),
                    _ => ids.Filesystem(spec?.Key ?? "swap").ToString(),
                },
                Bootable = role == PartitionRole.PhysicalVolume ? rootOnLvm && bootableKey == "root" : spec?.Key == bootableKey,
                TypeGuid = spec?.IsRoot == true ? needs.RootPartitionType : null,
            });
            cursor = start + size;
            nominalStart += nominalSize;
        }

        var group = volume.VolumeGroup is { } groupSpec
            ? VolumeGroupCalculator.Place(groupSpec, partitions.Single(p => p.Role == PartitionRole.PhysicalVolume), ids)
            : null;

        // Asked for after every filesystem UUID, so a sequence of UUIDs (tests) numbers the filesystems first.
        var identified = partitions.Select(p => WithHashSeed(gpt && p.Role != PartitionRole.Extended ? p with { PartitionUuid = ids.Partition(p.Label).ToString() } : p, ids)).ToList();
        group = group is null ? null : group with { LogicalVolumes = [.. group.LogicalVolumes.Select(v => WithHashSeed(v, ids))] };
        return new DiskLayout(volume.PartitionMap, total, identified, group) { DiskId = gpt ? ids.GptDisk().ToString() : ids.MsdosDisk() };
    }

    /// <summary>An ext filesystem's partition or logical volume with its directory hash seed; others as they are.</summary>
    internal static DiskPartition WithHashSeed(DiskPartition partition, DiskIdentifiers ids) =>
        partition.Spec?.Filesystem is FilesystemKind.Ext2 or FilesystemKind.Ext3 or FilesystemKind.Ext4 && partition.Role == PartitionRole.Filesystem
            ? partition with { HashSeed = ids.HashSeed(partition.Spec.Key).ToString() }
            : partition;

    /// <summary>
    /// The ESP first (when the firmware needs one), then bootstrap-vz's order: boot, swap, root, then the other
    /// partitions as the manifest lists them. The volume group's partition is where root is when it holds root, else last.
    /// </summary>
    private static List<(PartitionRole Role, PartitionSpec? Spec, ByteSize Size)> OrderedEntries(VolumeSection volume, bool withEsp)
    {
        var entries = new List<(PartitionRole, PartitionSpec?, ByteSize)>();
        if (withEsp)
        {
            var share = volume.Esp ?? DefaultEspShare;
            entries.Add((PartitionRole.Esp, PartitionSpec.Esp(share), share));
        }

        entries.AddRange(volume.Partitions.Where(p => p.Key == "boot").Select(Filesystem));
        if (volume.Swap is { } swap)
        {
            entries.Add((PartitionRole.Swap, null, swap));
        }

        var group = volume.VolumeGroup;
        var physicalVolume = group is null ? [] : new[] { (PartitionRole.PhysicalVolume, (PartitionSpec?)null, group.PartitionSize) };
        entries.AddRange(group?.HoldsRoot == true ? physicalVolume : volume.Partitions.Where(p => p.IsRoot).Select(Filesystem));
        entries.AddRange(volume.Partitions.Where(p => p.Key is not "boot" and not "root").Select(Filesystem));
        entries.AddRange(group?.HoldsRoot == false ? physicalVolume : []);
        return entries;
    }

    private static (PartitionRole, PartitionSpec?, ByteSize) Filesystem(PartitionSpec spec) => (PartitionRole.Filesystem, spec, spec.Size);

    private static ByteSize Max(ByteSize left, ByteSize right) => left > right ? left : right;
}
