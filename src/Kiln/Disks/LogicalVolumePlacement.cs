namespace Kiln.Disks;

/// <summary>A linear logical volume in its volume group: its name and the physical extents it takes, from the first.</summary>
public sealed record LogicalVolumePlacement(string Name, long FirstExtent, long Extents)
{
    /// <summary>The last extent it takes, as LVM prints ranges (<c>/dev/loop0:32-287</c>).</summary>
    public long LastExtent => FirstExtent + Extents - 1;
}
