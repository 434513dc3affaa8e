namespace Kiln.Disks.Lvm;

/// <summary>A physical volume as <c>pvs</c> reports it: its UUID, group, where its data starts, the extent size and count (bytes).</summary>
public sealed record PhysicalVolumeReport(string Uuid, string VolumeGroup, long DataStart, long ExtentSize, long ExtentCount);
