using Kiln.Common.Sbom;
using Kiln.Common.Volume;
using Kiln.Host;
using Kiln.Publishing;
using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>Writes the finished raw disk into the archive GCE imports (in place of ConvertImage, under the output's temporary name).</summary>
public sealed class PackGceDiskArchive : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Packing disk.raw into GCE's tar.gz";

    // The boot record, the package list, the SBOM (which records the image's checksum) and the publication record describe the archive.
    public override IReadOnlyList<Type> Successors => [typeof(WriteBootRecord), typeof(WritePackageList), typeof(WriteSbom), typeof(WritePublicationRecord)];

    public override IEnumerable<HostTool> Tools => [new HostTool("tar", "tar"), new HostTool("gzip", "gzip")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var image = context.Spec.Outputs.RequireDiskImage();
        var archive = context.Outputs.Begin(context, image, image.Path);
        await context.Runner.RunCheckedAsync(GceDiskArchive.Command(context.Paths.RawDisk, archive, context.SourceDateEpoch?.Seconds), cancellationToken);
    }
}
