using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>Which filesystem an entry lies on: the device numbers statx reports for it (the entry itself, links not followed).</summary>
public static partial class FileDevices
{
    private const int CurrentDirectory = -100;
    private const int SymlinkNoFollow = 0x100;
    private const int StatxSize = 256;
    private const int DeviceMajorOffset = 136; // struct statx: stx_dev_major, then stx_dev_minor
    private const int DeviceMinorOffset = 140;

    /// <exception cref="IOException">The entry does not exist or cannot be read.</exception>
    public static (uint Major, uint Minor) Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Statx(CurrentDirectory, path, SymlinkNoFollow, 0, buffer) != 0)
        {
            throw new IOException($"cannot read which filesystem {path} is on: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        return (MemoryMarshal.Read<uint>(buffer[DeviceMajorOffset..]), MemoryMarshal.Read<uint>(buffer[DeviceMinorOffset..]));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);
}
