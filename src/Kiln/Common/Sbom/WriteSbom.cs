using Kiln.Common.Volume;
using Kiln.Sbom;
using Kiln.Tasks;

namespace Kiln.Common.Sbom;

/// <summary>
/// Writes the SPDX 2.3 SBOM beside the image (<c>NAME.spdx.json</c>) once every other file is final: the image's
/// checksums (after conversion and any rewrite such as minimize_size's shrink; a container image's archives), the boot
/// record's and the package list's.
/// </summary>
public sealed class WriteSbom : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the image's SBOM (SPDX)";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConvertImage), typeof(WriteBootRecord), typeof(WritePackageList)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outputs = context.Spec.Outputs;
        if (outputs.Sbom is not { } output)
        {
            return;
        }

        // The files are still under their temporary names; the SBOM names them as they are published. With
        // backing: lvm the image is the logical volume itself, still under its temporary name too: its device is read.
        var images = outputs.ImageFiles;
        var image = images.Count > 0
            ? await FileDigests.ComputeAsync(context.Outputs.PathOf(images[0].Path), Path.GetFileName(images[0].Path), cancellationToken)
            : await FileDigests.ComputeAsync(context.DiskPath, Path.GetFileName(outputs.LogicalVolume?.Location ?? context.DiskPath), cancellationToken);
        var companions = new List<ProducedFile>();
        foreach (var path in images.Skip(1).Select(file => file.Path).Concat(new[] { outputs.BootRecord?.Path, outputs.PackageList?.Path }.OfType<string>()))
        {
            companions.Add(await FileDigests.ComputeAsync(context.Outputs.PathOf(path), Path.GetFileName(path), cancellationToken));
        }

        // The build's SOURCE_DATE_EPOCH (chosen when the release is resolved), so that two builds write one SBOM.
        var created = context.SourceDateEpoch?.Time ?? context.Manifest.BuildTime;
        await File.WriteAllTextAsync(context.Outputs.Begin(context, output, output.Path), SpdxDocument.Render(Subject(context, image, companions, created)), cancellationToken);
    }

    /// <summary>What the SBOM of this build describes, given the digests of the files written.</summary>
    public static SbomSubject Subject(BuildContext context, ProducedFile image, IReadOnlyList<ProducedFile> companions, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SbomSubject
        {
            ImageName = context.Manifest.Name,
            Codename = context.Release.Codename,
            Architecture = context.Spec.Architecture.Debian,
            Image = image,
            Companions = companions,
            Packages = context.StateOf<InstalledPackageList>().Require(),
            ToolVersion = KilnVersion.Current,
            Created = created,
        };
    }
}
