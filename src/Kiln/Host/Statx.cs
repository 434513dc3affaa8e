using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>statx(2) of a directory entry itself (AT_SYMLINK_NOFOLLOW), into the 256-byte struct statx the caller reads.</summary>
internal static partial class Statx
{
    public const int BufferSize = 256;

    private const int CurrentDirectory = -100;
    private const int SymlinkNoFollow = 0x100;

    /// <exception cref="IOException">The entry does not exist or cannot be read; the message starts with <paramref name="what"/>.</exception>
    public static void Read(string path, uint mask, Span<byte> buffer, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Call(CurrentDirectory, path, SymlinkNoFollow, mask, buffer) != 0)
        {
            throw new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Call(int directory, string path, int flags, uint mask, Span<byte> buffer);
}
