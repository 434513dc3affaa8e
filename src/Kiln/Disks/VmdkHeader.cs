using System.Buffers.Binary;
using System.Text;

namespace Kiln.Disks;

/// <summary>
/// The header of a hosted sparse VMDK extent (magic <c>KDMV</c>, little-endian) and its embedded descriptor: what
/// the checks of a written VMDK read. A stream-optimized VMDK is version 3 with compressed grains and markers.
/// </summary>
public sealed record VmdkHeader(uint Version, uint Flags, long CapacitySectors, long GrainSectors, ushort CompressAlgorithm, string Descriptor)
{
    public const uint Magic = 0x564D444B;

    /// <summary>Grains are compressed (flag bit 16).</summary>
    public const uint CompressedFlag = 1u << 16;

    /// <summary>The stream carries markers (flag bit 17).</summary>
    public const uint MarkersFlag = 1u << 17;

    public const ushort Deflate = 1;

    public long CapacityBytes => CapacitySectors * 512;

    public bool IsStreamOptimized => Version == 3 && (Flags & CompressedFlag) != 0 && (Flags & MarkersFlag) != 0 && CompressAlgorithm == Deflate;

    /// <summary>The descriptor's <c>createType</c> (<c>monolithicSparse</c>, <c>streamOptimized</c>), or null.</summary>
    public string? CreateType => Descriptor.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.StartsWith("createType=", StringComparison.Ordinal))
        .Select(line => line["createType=".Length..].Trim('"'))
        .FirstOrDefault();

    public static VmdkHeader Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 512)
        {
            throw new InvalidDataException("too short for a VMDK header");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        if (magic != Magic)
        {
            throw new InvalidDataException($"no VMDK magic (KDMV) at offset 0 (found 0x{magic:X8})");
        }

        var descriptorOffset = BinaryPrimitives.ReadInt64LittleEndian(file[28..]) * 512;
        var descriptorSize = BinaryPrimitives.ReadInt64LittleEndian(file[36..]) * 512;
        var descriptor = descriptorOffset > 0 && descriptorOffset + descriptorSize <= file.Length
            ? Encoding.ASCII.GetString(file.Slice((int)descriptorOffset, (int)descriptorSize)).TrimEnd('\0')
            : string.Empty;
        return new VmdkHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(file[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(file[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(file[12..]),
            BinaryPrimitives.ReadInt64LittleEndian(file[20..]),
            BinaryPrimitives.ReadUInt16LittleEndian(file[77..]),
            descriptor);
    }

    /// <summary>Reads the header and the descriptor, which qemu and VirtualBox put in the first 64 KiB.</summary>
    public static VmdkHeader ReadFile(string path) => Read(FileHead.Read(path, 64 * 1024));
}
