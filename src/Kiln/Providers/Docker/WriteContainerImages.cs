using Kiln.Tasks;

namespace Kiln.Providers.Docker;

/// <summary>Writes the image's config, manifest and index around the layer, as an OCI archive and a docker-archive.</summary>
public sealed class WriteContainerImages : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the container image archives";

    public override IReadOnlyList<Type> Predecessors => [typeof(WriteContainerLayer)];

    /// <summary>The SBOM checksums the archives once they are written.</summary>
    public override IReadOnlyList<Type> Successors => [typeof(Common.Sbom.WriteSbom)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var created = ContainerImageSettings.CreatedTime(spec.Manifest.BuildTime, Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"));
        var (config, problems) = ContainerImageSettings.Resolve(spec, spec.SettingsOf<DockerSettings>(), created);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the container settings were checked before the build: {problems[0]}");
        }

        var reference = ImageReference.Parse(spec.Manifest.Name).Reference!;
        var layerPath = WriteContainerLayer.LayerPath(context);
        var layer = await OciBlob.FromFileAsync(OciImage.LayerMediaType, layerPath, cancellationToken);
        var image = new OciImage(reference, OciImage.ArchitectureOf(spec.Architecture.Debian), created, config, layer, layer.Digest, $"kiln build {Path.GetFileName(spec.Manifest.File)}");
        foreach (var output in spec.Outputs.All.OfType<ContainerArchiveOutput>())
        {
            var path = context.Outputs.Begin(context, output, output.Path);
            if (output.Format == ContainerArchiveOutput.OciArchive)
            {
                await ContainerArchives.WriteOciArchiveAsync(image, path, created, cancellationToken);
            }
            else
            {
                await ContainerArchives.WriteDockerArchiveAsync(image, path, created, cancellationToken);
            }
        }

        File.Delete(layerPath);
        context.Notices.Add($"container image {reference}: {image.Manifest.Digest}");
    }
}
