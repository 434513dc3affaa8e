using Kiln.Disks;
using Kiln.Manifests;

namespace Kiln.Specs;

/// <summary>
/// What a disk image build leaves: <c>NAME.EXT</c> in the manifest's format (or, with <c>backing: lvm</c>, the
/// logical volume <c>/dev/VG/LV</c> of the build host), and in the output directory <c>NAME.boot.json</c>, the
/// package list <c>NAME.packages.tsv</c> and the SBOM <c>NAME.spdx.json</c>.
/// </summary>
public static class StandardOutputs
{
    public static IReadOnlyList<BuildOutput> For(Manifest manifest, DiskLayout layout, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        var volume = manifest.Volume;
        BuildOutput[] beside =
        [
            new BootRecordOutput(Path.Combine(outputDirectory, manifest.Name + BootRecordOutput.Extension)),
            new PackageListOutput(Path.Combine(outputDirectory, manifest.Name + PackageListOutput.Extension)),
            new SbomOutput(Path.Combine(outputDirectory, manifest.Name + SbomOutput.Extension)),
        ];
        if (volume.IsLogicalVolumeBacking)
        {
            return [new LogicalVolumeOutput(volume.BackingVolumeGroup ?? string.Empty, volume.BackingLogicalVolume ?? string.Empty, layout.TotalSize), .. beside];
        }

        var format = DiskImageFormat.Find(volume.Backing) ?? DiskImageFormat.All[0];
        return [new DiskImageOutput(Path.Combine(outputDirectory, $"{manifest.Name}.{format.Extension}"), format, layout.TotalSize), .. beside];
    }
}
