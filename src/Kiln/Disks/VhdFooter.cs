using System.Buffers.Binary;
using System.Text;

namespace Kiln.Disks;

/// <summary>
/// The 512-byte footer that makes a raw disk a fixed VHD (Microsoft's VHD specification; every field big-endian):
/// appended to the disk's bytes, so the image is the disk followed by the footer. Its time and unique id are given,
/// not taken from the clock and a random source, so two builds of one manifest write the same file.
/// </summary>
public sealed record VhdFooter
{
    public const int Size = 512;

    /// <summary>2000-01-01 00:00:00 UTC, where VHD time stamps count from.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const uint FeaturesReserved = 0x00000002;
    private const uint FormatVersion = 0x00010000;
    private const uint FixedDiskType = 2;

    /// <summary>The disk's size in bytes (original and current size; a whole number of sectors).</summary>
    public required long DiskBytes { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required Guid UniqueId { get; init; }

    /// <summary>The creator application, four ASCII characters.</summary>
    public string CreatorApplication { get; init; } = "kiln";

    public uint CreatorVersion { get; init; } = 0x00010000;

    /// <summary>The creator's host OS: <c>Wi2k</c> (the value qemu and Hyper-V write; the specification defines only Windows and Macintosh).</summary>
    public string CreatorHostOs { get; init; } = "Wi2k";

    public byte[] ToBytes()
    {
        if (DiskBytes <= 0 || DiskBytes % ByteSize.SectorSize != 0)
        {
            throw new InvalidOperationException($"a VHD disk is a positive whole number of 512-byte sectors, not {DiskBytes} bytes");
        }

        var footer = new byte[Size];
        var span = footer.AsSpan();
        Encoding.ASCII.GetBytes("conectix", span[..8]);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], FeaturesReserved);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], FormatVersion);
        BinaryPrimitives.WriteUInt64BigEndian(span[16..], ulong.MaxValue);
        BinaryPrimitives.WriteUInt32BigEndian(span[24..], Timestamp(Time));
        Ascii4(CreatorApplication, span[28..32]);
        BinaryPrimitives.WriteUInt32BigEndian(span[32..], CreatorVersion);
        Ascii4(CreatorHostOs, span[36..40]);
        BinaryPrimitives.WriteUInt64BigEndian(span[40..], (ulong)DiskBytes);
        BinaryPrimitives.WriteUInt64BigEndian(span[48..], (ulong)DiskBytes);
        var geometry = VhdGeometry.ForFooter(DiskBytes);
        BinaryPrimitives.WriteUInt16BigEndian(span[56..], geometry.Cylinders);
        span[58] = geometry.Heads;
        span[59] = geometry.SectorsPerTrack;
        BinaryPrimitives.WriteUInt32BigEndian(span[60..], FixedDiskType);
        UniqueId.TryWriteBytes(span[68..84], bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(span[64..], Checksum(footer));
        return footer;
    }

    /// <summary>The one's complement of the sum of the footer's bytes, its checksum field counted as zero.</summary>
    public static uint Checksum(ReadOnlySpan<byte> footer)
    {
        uint sum = 0;
        for (var i = 0; i < footer.Length; i++)
        {
            sum += i is >= 64 and < 68 ? 0u : footer[i];
        }

        return ~sum;
    }

    /// <summary>Whether the file ends with a valid fixed-disk footer (qemu's format probe looks only at the start, where a fixed VHD holds the disk).</summary>
    public static bool EndsFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        if (file.Length < Size || (file.Length - Size) % ByteSize.SectorSize != 0)
        {
            return false;
        }

        var footer = new byte[Size];
        file.Seek(-Size, SeekOrigin.End);
        file.ReadExactly(footer);
        return footer.AsSpan(0, 8).SequenceEqual("conectix"u8)
            && BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(60)) == FixedDiskType
            && BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(64)) == Checksum(footer);
    }

    private static uint Timestamp(DateTimeOffset time)
    {
        var seconds = (long)(time - Epoch).TotalSeconds;
        return (uint)Math.Clamp(seconds, 0, uint.MaxValue);
    }

    private static void Ascii4(string text, Span<byte> field)
    {
        if (text.Length != 4 || !Ascii.IsValid(text))
        {
            throw new ArgumentException($"a VHD creator field is four ASCII characters, not `{text}`", nameof(text));
        }

        Encoding.ASCII.GetBytes(text, field);
    }
}
