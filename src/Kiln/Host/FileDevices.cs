using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>Which filesystem an entry lies on: the device numbers statx reports for it (the entry itself, links not followed).</summary>
public static class FileDevices
{
    private const int DeviceMajorOffset = 136; // struct statx: stx_dev_major, then stx_dev_minor
    private const int DeviceMinorOffset = 140;

    /// <exception cref="IOException">The entry does not exist or cannot be read.</exception>
    public static (uint Major, uint Minor) Of(string path)
    {
        Span<byte> buffer = stackalloc byte[Statx.BufferSize];
        Statx.Read(path, 0, buffer, $"cannot read which filesystem {path} is on");
        return (MemoryMarshal.Read<uint>(buffer[DeviceMajorOffset..]), MemoryMarshal.Read<uint>(buffer[DeviceMinorOffset..]));
    }
}
