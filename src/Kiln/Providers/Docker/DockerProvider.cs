using Kiln.Common;
using Kiln.Common.Sbom;
using Kiln.Common.Workspace;
using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.Docker;

/// <summary>
/// Container images, as bootstrap-vz's docker provider made them but without a Docker daemon: the root tree
/// (no kernel, bootloader or disk) becomes one layer, and Kiln writes the OCI image around it as an OCI archive
/// and a docker-archive, with the manifest's labels and Dockerfile-style settings in its config.
/// </summary>
public sealed class DockerProvider : Provider<DockerSettings>
{
    public const string ProviderName = "docker";

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider docker", typeof(DockerProvider).Assembly, "Providers/Docker/manifest-schema.yml");

    public override DockerSettings Bind(SettingsSection section) => DockerSettings.Bind(section);

    public override ProviderProfile Profile(DockerSettings settings, ArchitectureProfile architecture) =>
        new() { DefaultFirmware = Firmware.Bios, Hardware = VirtualHardware.Virtio, WritesDisk = false };

    public override IReadOnlyList<BuildOutput> DeclareOutputs(DockerSettings settings, Manifest manifest, DiskLayout? layout, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (ImageReference.Parse(manifest.Name).Reference is not { } reference)
        {
            return [];
        }

        return
        [
            new ContainerArchiveOutput(Path.Combine(outputDirectory, reference.FileBase + ".oci.tar"), ContainerArchiveOutput.OciArchive, reference.ToString()),
            new ContainerArchiveOutput(Path.Combine(outputDirectory, reference.FileBase + ".docker.tar"), ContainerArchiveOutput.DockerArchive, reference.ToString()),
            new PackageListOutput(Path.Combine(outputDirectory, reference.FileBase + PackageListOutput.Extension)),
            new SbomOutput(Path.Combine(outputDirectory, reference.FileBase + SbomOutput.Extension)),
        ];
    }

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, DockerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<ManifestError>();
        if (ImageReference.Parse(spec.Manifest.Name).Problem is { } problem)
        {
            errors.Add(new ManifestError(settings.NameLocation, $"the name {problem} (the docker provider names the image repository:tag after it)"));
        }

        errors.AddRange(ContainerImageSettings.Resolve(spec, settings, spec.Manifest.BuildTime).Problems);
        return errors;
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, DockerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        StandardTasks.AddSystemTasks(tasks, spec);
        tasks.Add<WriteContainerSettings>()
            .Add<KeepDaemonsStopped>()
            .Add<WriteContainerLayer>()
            .Add<WriteContainerImages>()
            .Add<ReadInstalledPackages>()
            .Add<WritePackageList>()
            .Add<WriteSbom>()
            .Add<PublishOutputs>();
    }
}
