namespace Kiln.Disks;

/// <summary>
/// The image's volume group as the layout places it: one physical volume (a partition) with LVM's label and
/// metadata in its first <see cref="DataStart"/> bytes, then <see cref="ExtentCount"/> extents, the logical volumes
/// linear in them one after another. So each volume's data lies at a known offset of the disk, and its filesystem
/// is written there as a partition's is.
/// </summary>
public sealed record VolumeGroupLayout(string Name, DiskPartition PhysicalVolume, ByteSize DataStart, ByteSize ExtentSize, long ExtentCount, IReadOnlyList<DiskPartition> LogicalVolumes)
{
    public long UsedExtents => LogicalVolumes.Sum(volume => volume.LogicalVolume!.Extents);

    public long FreeExtents => ExtentCount - UsedExtents;

    /// <summary>Where the booted system (and a build host with device-mapper) finds a volume: <c>/dev/VG/LV</c>.</summary>
    public string DevicePath(DiskPartition volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return $"/dev/{Name}/{volume.LogicalVolume!.Name}";
    }
}
