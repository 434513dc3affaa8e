namespace Kiln.Common;

/// <summary>A file placed in the root before packages are installed (apt configuration, initramfs hooks).</summary>
public sealed record EarlyFile(byte[] Content, UnixFileMode Mode = ImageFiles.Regular)
{
    public static EarlyFile Text(string content, UnixFileMode mode = ImageFiles.Regular) =>
        new(System.Text.Encoding.UTF8.GetBytes(content), mode);
}
