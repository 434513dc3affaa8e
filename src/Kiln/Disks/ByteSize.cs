using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Disks;

/// <summary>
/// A number of bytes, parsed from manifest sizes such as <c>8GiB</c>. As in bootstrap-vz, KB, MB, GB and TB
/// are binary units too (1 MB = 1 MiB = 1048576 bytes); B counts bytes.
/// </summary>
public readonly partial record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    public const long SectorSize = 512;

    private static readonly (string Unit, long Factor)[] Units =
    [
        ("TiB", 1L << 40),
        ("GiB", 1L << 30),
        ("MiB", 1L << 20),
        ("KiB", 1L << 10),
    ];

    public static ByteSize Zero => new(0);

    public long Sectors => Bytes / SectorSize;

    public static ByteSize FromMiB(long mebibytes) => new(mebibytes << 20);

    public static ByteSize FromSectors(long sectors) => new(sectors * SectorSize);

    public static ByteSize Parse(string text)
    {
        return TryParse(text, out var size)
            ? size
            : throw new FormatException($"`{text}` is not a size; write a whole number and a unit: B, KiB, MiB, GiB, TiB (or KB, MB, GB, TB, which mean the same)");
    }

    public static bool TryParse(string? text, out ByteSize size)
    {
        size = Zero;
        var match = text is null ? Match.Empty : SizePattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value;
        var factor = unit == "B" ? 1 : Units.First(u => u.Unit[0] == unit[0]).Factor;
        if (count > long.MaxValue / factor)
        {
            return false;
        }

        size = new ByteSize(count * factor);
        return true;
    }

    /// <summary>Rounds up to the next multiple of <paramref name="alignment"/>.</summary>
    public ByteSize AlignUp(ByteSize alignment) => new((Bytes + alignment.Bytes - 1) / alignment.Bytes * alignment.Bytes);

    /// <summary>Rounds down to a multiple of <paramref name="alignment"/>.</summary>
    public ByteSize AlignDown(ByteSize alignment) => new(Bytes / alignment.Bytes * alignment.Bytes);

    public static ByteSize operator +(ByteSize left, ByteSize right) => new(left.Bytes + right.Bytes);

    public static ByteSize operator -(ByteSize left, ByteSize right) => new(left.Bytes - right.Bytes);

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    public ByteSize Add(ByteSize other) => this + other;

    public ByteSize Subtract(ByteSize other) => this - other;

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>The size in MiB for messages, e.g. <c>299.98 MiB</c>.</summary>
    public string ToMiBText() => $"{Bytes / 1048576.0:0.##} MiB";

    /// <summary>The largest binary unit that expresses the size exactly, e.g. <c>1536MiB</c>.</summary>
    public override string ToString()
    {
        foreach (var (unit, factor) in Units)
        {
            if (Bytes != 0 && Bytes % factor == 0)
            {
                return $"{Bytes / factor}{unit}";
            }
        }

        return $"{Bytes}B";
    }

    [GeneratedRegex(@"^(?<count>\d+)(?<unit>[KMGT]i?B|B)$")]
    private static partial Regex SizePattern();
}
