using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Writes GRUB's boot.img into the MBR and core.img after it (msdos) or into the BIOS boot partition (gpt).</summary>
public sealed class InstallGrubBootCode : BuildTask
{
    public override Phase Phase => Phase.VolumeUnmounting;

    public override string Description => "Installing GRUB's boot code";

    public override IReadOnlyList<Type> Predecessors => [typeof(WriteFilesystems)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var bootImage = await File.ReadAllBytesAsync(context.Paths.InRoot($"/usr/lib/grub/{context.Spec.Architecture.GrubBiosPlatform}/boot.img"), cancellationToken);
        var coreImage = await File.ReadAllBytesAsync(Path.Combine(context.Paths.Scratch, BuildGrubCoreImage.CoreImageName), cancellationToken);
        var (sector, capacity) = GrubBootCode.CoreLocation(layout);
        if (coreImage.Length > capacity)
        {
            throw new KilnException($"GRUB's core image ({coreImage.Length} bytes) does not fit in the {capacity} bytes before the first partition");
        }

        var (mbr, core) = GrubBootCode.Prepare(bootImage, coreImage, sector);
        await using var disk = new FileStream(context.DiskPath, FileMode.Open, FileAccess.Write);
        disk.Position = 0;
        await disk.WriteAsync(mbr, cancellationToken);
        disk.Position = sector * ByteSize.SectorSize;
        await disk.WriteAsync(core, cancellationToken);
    }
}
