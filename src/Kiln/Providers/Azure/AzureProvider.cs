using Kiln.Common;
using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Providers.Azure.Publishing;
using Kiln.Providers.Cloud;
using Kiln.Publishing;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.Azure;

/// <summary>
/// Microsoft Azure images as Debian makes them today: the cloud kernel with the Hyper-V drivers, waagent and
/// cloud-init with the Azure data source and the <c>debian</c> user, the Hyper-V daemons, the serial console and
/// NVMe timeouts Azure asks for, chrony on the Hyper-V clock, the root grown to the disk at boot; generation 1
/// (BIOS) or 2 (UEFI). A fixed VHD, published as a page blob and, with a resource group, a Microsoft.Compute image.
/// </summary>
public sealed class AzureProvider : Provider<AzureSettings>, ICloudProvider
{
    public const string ProviderName = "azure";

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider azure", typeof(AzureProvider).Assembly, "Providers/Azure/manifest-schema.yml");

    public ICloud Cloud { get; } = new AzureCloud();

    public override AzureSettings Bind(SettingsSection section) => AzureSettings.Bind(section);

    /// <summary>Hyper-V machines present the disk on SCSI (QEMU: virtio-scsi) and start generation 1 from a BIOS, 2 from UEFI.</summary>
    public override ProviderProfile Profile(AzureSettings settings, ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(architecture);
        return new ProviderProfile
        {
            DefaultFirmware = architecture.HasBios ? AzureGeneration.FirmwareOf(settings.Generation ?? 2) : Firmware.Uefi,
            Hardware = new VirtualHardware("virtio-scsi", "virtio-net"),
            SshServer = true,
        };
    }

    public override IReadOnlyList<BuildOutput> DeclareOutputs(AzureSettings settings, Manifest manifest, DiskLayout? layout, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        return
        [
            .. StandardOutputs.For(manifest, layout, outputDirectory),
            new PublicationRecordOutput(PublicationRecord.PathFor(outputDirectory, manifest.Name)),
        ];
    }

    public PublicationRecord DescribePublication(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = spec.SettingsOf<AzureSettings>();
        var image = spec.Outputs.RequireDiskImage();
        var target = new AzureTarget
        {
            StorageAccount = settings.StorageAccount,
            Container = settings.Container,
            BlobPrefix = settings.BlobPrefix,
            Subscription = settings.Subscription,
            ResourceGroup = settings.ResourceGroup,
            Location = settings.Location,
            Generation = AzureGeneration.Of(settings, spec.Platform.Firmware),
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
            Tags = CloudTemplates.RenderTags(spec),
            Target = target.ToJson(),
        };
    }

    /// <summary>bootstrap-vz's azure provider took no credentials in the manifest; they come from the environment, as Azure's CLI reads them.</summary>
    public IReadOnlyDictionary<string, string> ManifestCredentials(BuildSpec spec) => new Dictionary<string, string>(StringComparer.Ordinal);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, AzureSettings settings) => AzureRules.Check(spec, settings);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, AzureSettings settings)
    {
        StandardTasks.AddTo(tasks, spec);
        StandardTasks.AddSshServer(tasks);
        tasks.Add<AddAzurePackages>()
            .Add<ConfigureAzureConsole>()
            .Add<ConfigureAzureCloudInit>()
            .Add<GrowRootAtBoot>()
            .Add<WritePublicationRecord>();
        if (!spec.HasPlugin("ntp"))
        {
            tasks.Add<ConfigureAzureTimeSync>();
        }

        if (settings.WaagentConf is not null)
        {
            tasks.Add<InstallWaagentConfiguration>();
        }
    }
}
