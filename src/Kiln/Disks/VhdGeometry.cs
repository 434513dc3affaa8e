using System.Runtime.InteropServices;

namespace Kiln.Disks;

/// <summary>
/// A VHD's cylinder/head/sector geometry, computed by the algorithm of Microsoft's VHD specification (appendix
/// "CHS calculation"): the largest geometry whose product does not exceed the disk, capped at 65535/16/255.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct VhdGeometry(ushort Cylinders, byte Heads, byte SectorsPerTrack)
{
    /// <summary>The largest geometry the footer can hold. Readers that trust the geometry (qemu, Virtual PC) read the footer's current size instead when they see it.</summary>
    public static VhdGeometry Maximum { get; } = new(65535, 16, 255);

    public long Sectors => (long)Cylinders * Heads * SectorsPerTrack;

    public static VhdGeometry ForSectors(long totalSectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalSectors);
        totalSectors = Math.Min(totalSectors, 65535L * 16 * 255);
        long sectorsPerTrack;
        long heads;
        long cylinderTimesHeads;
        if (totalSectors >= 65535L * 16 * 63)
        {
            sectorsPerTrack = 255;
            heads = 16;
            cylinderTimesHeads = totalSectors / sectorsPerTrack;
        }
        else
        {
            sectorsPerTrack = 17;
            cylinderTimesHeads = totalSectors / sectorsPerTrack;
            heads = Math.Max(4, (cylinderTimesHeads + 1023) / 1024);
            if (cylinderTimesHeads >= heads * 1024 || heads > 16)
            {
                sectorsPerTrack = 31;
                heads = 16;
                cylinderTimesHeads = totalSectors / sectorsPerTrack;
            }

            if (cylinderTimesHeads >= heads * 1024)
            {
                sectorsPerTrack = 63;
                heads = 16;
                cylinderTimesHeads = totalSectors / sectorsPerTrack;
            }
        }

        return new VhdGeometry((ushort)(cylinderTimesHeads / heads), (byte)heads, (byte)sectorsPerTrack);
    }

    /// <summary>
    /// The geometry the footer records: the specification's when it covers the disk exactly, else the maximum, so
    /// that readers that size the disk by its geometry do not cut off its end (a 2 GiB disk's geometry covers 8 KiB
    /// less, where the GPT keeps its backup header).
    /// </summary>
    public static VhdGeometry ForFooter(long bytes)
    {
        var geometry = ForSectors(bytes / ByteSize.SectorSize);
        return geometry.Sectors * ByteSize.SectorSize == bytes ? geometry : Maximum;
    }
}
