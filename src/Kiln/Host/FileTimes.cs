using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>Sets the access and modification times of a directory entry itself: a symbolic link's own times, never its target's.</summary>
public static partial class FileTimes
{
    private const int CurrentDirectory = -100;
    private const int SymlinkNoFollow = 0x100;

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

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UtimensAt(int directory, string path, ReadOnlySpan<TimeSpec> times, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);
}
