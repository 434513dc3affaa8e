using System.Globalization;

namespace Kiln.Disks;

/// <summary>A FAT volume serial number as fstab and blkid write it (<c>1A2B-3C4D</c>), and as mkfs.vfat's <c>-i</c> takes it.</summary>
public static class FatVolumeId
{
    public static string From(Guid guid)
    {
        var bytes = guid.ToByteArray();
        var serial = BitConverter.ToUInt32(bytes, 0);
        var text = serial.ToString("X8", CultureInfo.InvariantCulture);
        return $"{text[..4]}-{text[4..]}";
    }

    /// <summary>The serial without its dash, for <c>mkfs.vfat -i</c>.</summary>
    public static string ForMkfs(string volumeId)
    {
        ArgumentNullException.ThrowIfNull(volumeId);
        return volumeId.Replace("-", string.Empty, StringComparison.Ordinal);
    }
}
