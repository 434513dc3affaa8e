using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>Reads and sets the times of a directory entry itself: a symbolic link's own times, never its target's.</summary>
public static partial class FileTimes
{
    private const int CurrentDirectory = -100;
    private const int SymlinkNoFollow = 0x100;

    // struct statx (linux/stat.h): the times asked for, and where they lie in the 256-byte structure.
    private const uint WantedTimes = 0x20 | 0x40 | 0x80; // STATX_ATIME | STATX_MTIME | STATX_CTIME
    private const int AccessOffset = 64;
    private const int ChangeOffset = 96;
    private const int ModificationOffset = 112;

    /// <summary>Sets both times, in whole seconds since 1970 (utimensat with AT_SYMLINK_NOFOLLOW).</summary>
    /// <exception cref="IOException">The entry does not exist or cannot be changed.</exception>
    public static void Set(string path, long accessSeconds, long modificationSeconds)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<TimeSpec> times = [new TimeSpec(accessSeconds, 0), new TimeSpec(modificationSeconds, 0)];
        if (UtimensAt(CurrentDirectory, path, times, SymlinkNoFollow) != 0)
        {
            throw new IOException($"cannot set the times of {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    /// <summary>The entry's times to the nanosecond (statx with AT_SYMLINK_NOFOLLOW).</summary>
    /// <exception cref="IOException">The entry does not exist or cannot be read.</exception>
    public static EntryTimes Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> buffer = stackalloc byte[Statx.BufferSize];
        Statx.Read(path, WantedTimes, buffer, $"cannot read the times of {path}");

        return new EntryTimes(TimeAt(buffer, AccessOffset), TimeAt(buffer, ModificationOffset), TimeAt(buffer, ChangeOffset));
    }

    /// <summary>A struct statx_timestamp, in the host's byte order: a signed 64-bit count of seconds, then 32 bits of nanoseconds.</summary>
    private static ExactTime TimeAt(ReadOnlySpan<byte> buffer, int offset) =>
        new(MemoryMarshal.Read<long>(buffer[offset..]), MemoryMarshal.Read<uint>(buffer[(offset + 8)..]));

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UtimensAt(int directory, string path, ReadOnlySpan<TimeSpec> times, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);
}
