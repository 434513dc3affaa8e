using System.Buffers.Binary;

namespace Kiln.Disks;

/// <summary>
/// The fixed header of a VirtualBox disk image (VDI 1.1, little-endian, after the 64-byte text line): what the
/// checks of a written VDI read. Offsets are VirtualBox's VDIHEADER1 (VDICore.h), which qemu writes too.
/// </summary>
public sealed record VdiHeader(uint Version, uint HeaderSize, uint ImageType, long DiskSize, uint BlockSize, uint Blocks, Guid CreationUuid)
{
    public const uint Signature = 0xBEDA107F;

    /// <summary>Version 1.1, the only one VirtualBox writes and qemu reads.</summary>
    public const uint SupportedVersion = 0x00010001;

    /// <summary>A dynamically growing image (1); fixed-size ones are 2.</summary>
    public const uint DynamicImage = 1;

    public bool IsDynamic => ImageType == DynamicImage;

    /// <summary>Reads the header, or says why the bytes are no VDI.</summary>
    public static VdiHeader Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 0x198)
        {
            throw new InvalidDataException("too short for a VDI header");
        }

        var signature = BinaryPrimitives.ReadUInt32LittleEndian(file[0x40..]);
        if (signature != Signature)
        {
            throw new InvalidDataException($"no VDI signature at offset 0x40 (found 0x{signature:X8})");
        }

        return new VdiHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(file[0x44..]),
            BinaryPrimitives.ReadUInt32LittleEndian(file[0x48..]),
            BinaryPrimitives.ReadUInt32LittleEndian(file[0x4C..]),
            BinaryPrimitives.ReadInt64LittleEndian(file[0x170..]),
            BinaryPrimitives.ReadUInt32LittleEndian(file[0x178..]),
            BinaryPrimitives.ReadUInt32LittleEndian(file[0x180..]),
            new Guid(file.Slice(0x188, 16)));
    }

    public static VdiHeader ReadFile(string path) => Read(FileHead.Read(path, 512));
}
