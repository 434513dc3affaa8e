using System.Buffers.Binary;

namespace Kiln.Disks;

/// <summary>
/// What grub-bios-setup does for a BIOS disk, as pure byte work: boot.img goes into the first 440 bytes of
/// the MBR (the partition table after it stays), told which sector core.img starts at; core.img's first
/// sector (diskboot) is told where the rest of core.img follows.
/// </summary>
public static class GrubBootCode
{
    /// <summary>The bytes of the MBR that hold code; the disk signature and partition table follow.</summary>
    public const int MbrCodeSize = 440;

    private const int KernelSectorOffset = 0x5c;
    private const int DriveCheckOffset = 0x66;
    private const int BlocklistOffset = 0x200 - 12;

    public static (byte[] Mbr, byte[] Core) Prepare(ReadOnlySpan<byte> bootImage, ReadOnlySpan<byte> coreImage, long coreSector)
    {
        if (bootImage.Length != 512)
        {
            throw new ArgumentException($"boot.img must be 512 bytes, not {bootImage.Length}", nameof(bootImage));
        }

        if (coreImage.Length < 512)
        {
            throw new ArgumentException("core.img is shorter than one sector", nameof(coreImage));
        }

        var mbr = bootImage[..MbrCodeSize].ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(mbr.AsSpan(KernelSectorOffset), coreSector);

        // grub-bios-setup turns on the check for BIOSes that pass a wrong boot drive when it installs to a hard disk.
        mbr[DriveCheckOffset] = 0x90;
        mbr[DriveCheckOffset + 1] = 0x90;

        var core = coreImage.ToArray();
        BinaryPrimitives.WriteInt64LittleEndian(core.AsSpan(BlocklistOffset), coreSector + 1);
        return (mbr, core);
    }

    /// <summary>The sector core.img goes to, and how many bytes fit there: after the MBR on msdos, the BIOS boot partition on gpt.</summary>
    public static (long Sector, long Capacity) CoreLocation(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Map == PartitionMapKind.Gpt)
        {
            var biosBoot = layout.BiosBoot ?? throw new InvalidOperationException("a GPT disk booted by GRUB needs a BIOS boot partition");
            return (biosBoot.Start.Sectors, biosBoot.Size.Bytes);
        }

        var first = layout.Partitions.Min(p => p.Start.Bytes);
        return (1, first - 512);
    }
}
