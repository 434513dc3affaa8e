using Kiln.Common;
using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Providers.Cloud;
using Kiln.Providers.Gce.Publishing;
using Kiln.Publishing;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>
/// Google Compute Engine images as Debian makes them today: the cloud kernel, Google's guest agent and OS Login
/// from Debian, the metadata server's time, the serial console on ttyS0, DHCP with GCE's MTU, the root grown to
/// the disk at boot, no cloud-init; hybrid BIOS+UEFI (Shielded VM ready, Secure Boot when asked). disk.raw in a
/// sparse tar.gz, published by a Cloud Storage upload and images.insert.
/// </summary>
public sealed class GceProvider : Provider<GceSettings>, ICloudProvider
{
    public const string ProviderName = "gce";

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider gce", typeof(GceProvider).Assembly, "Providers/Gce/manifest-schema.yml");

    public ICloud Cloud { get; } = new GceCloud();

    public override GceSettings Bind(SettingsSection section) => GceSettings.Bind(section);

    /// <summary>GCE's machines: the disk on virtio-scsi, a virtio-net card (gVNIC where the image says it has the driver); BIOS or UEFI.</summary>
    public override ProviderProfile Profile(GceSettings settings, ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new ProviderProfile
        {
            DefaultFirmware = architecture.HasBios ? Firmware.Hybrid : Firmware.Uefi,
            Hardware = new VirtualHardware("virtio-scsi", "virtio-net"),
            SshServer = true,
        };
    }

    public override IReadOnlyList<BuildOutput> DeclareOutputs(GceSettings settings, Manifest manifest, DiskLayout? layout, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        return
        [
            new DiskImageOutput(Path.Combine(outputDirectory, $"{manifest.Name}.{GceDiskArchive.Extension}"), GceDiskArchive.Format, layout.TotalSize),
            .. StandardOutputs.For(manifest, layout, outputDirectory).Where(output => output is not DiskImageOutput),
            new PublicationRecordOutput(PublicationRecord.PathFor(outputDirectory, manifest.Name)),
        ];
    }

    public PublicationRecord DescribePublication(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = spec.SettingsOf<GceSettings>();
        var image = spec.Outputs.RequireDiskImage();
        var target = new GceTarget
        {
            GcsDestination = settings.GcsDestination,
            Project = settings.Project,
            Family = settings.Family is { } family ? CloudTemplates.Render(spec, family) : null,
            GuestOsFeatures = GuestOsFeatures.For(spec.Platform.Firmware, settings.GuestOsFeatures),
        };
        return new PublicationRecord
        {
            Cloud = Cloud.Name,
            Image = Path.GetFileName(image.Path),
            Format = image.Format.Backing,
            DiskBytes = image.VirtualSize.Bytes,
            Architecture = spec.Architecture.Debian,
            Firmware = spec.Platform.Firmware,
            SecureBoot = spec.Platform.SecureBoot,
            Name = spec.Manifest.Name,
            Description = CloudTemplates.Render(spec, settings.Description),
            Tags = CloudTemplates.RenderTags(spec),
            Target = target.ToJson(),
        };
    }

    /// <summary>bootstrap-vz's gce provider took no credentials in the manifest; they come from the environment, as gcloud reads them.</summary>
    public IReadOnlyDictionary<string, string> ManifestCredentials(BuildSpec spec) => new Dictionary<string, string>(StringComparer.Ordinal);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, GceSettings settings) => GceRules.Check(spec, settings);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, GceSettings settings)
    {
        StandardTasks.AddTo(tasks, spec);
        StandardTasks.AddSshServer(tasks);
        // GCE imports a tar.gz of the raw disk: the archive takes the place of the format conversion.
        tasks.Remove<ConvertImage>();
        tasks.Add<AddGcePackages>()
            .Add<ConfigureGceConsole>()
            .Add<ConfigureGceNetwork>()
            .Add<GrowRootAtBoot>()
            .Add<PackGceDiskArchive>()
            .Add<WritePublicationRecord>();
        if (!spec.HasPlugin("ntp"))
        {
            tasks.Add<ConfigureGceTimeSync>();
        }

        if (settings.GuestOsFeatures.Contains(GuestOsFeatures.Gvnic))
        {
            tasks.Add<CheckGvnicDriver>();
        }
    }
}
