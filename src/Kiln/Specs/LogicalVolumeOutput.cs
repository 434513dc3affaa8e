using Kiln.Disks;

namespace Kiln.Specs;

/// <summary>
/// <c>backing: lvm</c>: the disk is a logical volume of the build host, <c>/dev/VG/LV</c>, created in the named
/// volume group with the disk's size. The build writes it under a temporary name and renames it at the end.
/// </summary>
public sealed record LogicalVolumeOutput(string VolumeGroup, string LogicalVolume, ByteSize VirtualSize) : BuildOutput
{
    /// <summary>Where a build keeps the locks of logical volumes: one host-wide place, whatever the output directory.</summary>
    public const string LockDirectory = "/run/kiln/lvm";

    public override string Kind => $"logical volume ({VirtualSize})";

    public override string Location => DevicePath(LogicalVolume);

    public override string LockTarget => Path.Combine(LockDirectory, VolumeGroup, LogicalVolume);

    public string DevicePath(string logicalVolume) => $"/dev/{VolumeGroup}/{logicalVolume}";

    /// <summary>The name the volume has while the build writes it: <c>LV.kiln-BUILDID</c> (LVM allows dots and dashes in names).</summary>
    public string TemporaryName(string buildId) => $"{LogicalVolume}.{buildId}";
}
