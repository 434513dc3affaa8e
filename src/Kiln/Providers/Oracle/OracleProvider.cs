using Kiln.Common;
using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Providers.Cloud;
using Kiln.Providers.Oracle.Publishing;
using Kiln.Publishing;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.Oracle;

/// <summary>
/// Oracle Cloud Infrastructure custom images: a QCOW2 (or stream-optimized VMDK) disk that OCI imports in its
/// PARAVIRTUALIZED launch mode (virtio-scsi boot volume, virtio-net), hybrid BIOS+UEFI so it boots with either
/// firmware OCI gives it, the cloud kernel, cloud-init with the Oracle data source and the <c>opc</c> user, OCI's
/// time service, the serial console on ttyS0, the root grown to the boot volume at boot. Published by an upload
/// through Object Storage's S3-compatible API and CreateImage through OCI's signed REST API.
/// </summary>
public sealed class OracleProvider : Provider<OracleSettings>, ICloudProvider
{
    public const string ProviderName = "oracle";

    /// <summary>The stream-optimized VMDK OCI imports (one of the two VMDK kinds it reads).</summary>
    public static DiskImageFormat StreamOptimizedVmdk { get; } = new("vmdk", "vmdk", "vmdk", ["subformat=streamOptimized"]);

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider oracle", typeof(OracleProvider).Assembly, "Providers/Oracle/manifest-schema.yml");

    public ICloud Cloud { get; } = new OracleCloud();

    public override OracleSettings Bind(SettingsSection section) => OracleSettings.Bind(section);

    /// <summary>OCI's PARAVIRTUALIZED mode: the boot volume on virtio-scsi, a virtio NIC; the firmware is OCI's choice, so hybrid.</summary>
    public override ProviderProfile Profile(OracleSettings settings, ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new ProviderProfile
        {
            DefaultFirmware = architecture.HasBios ? Firmware.Hybrid : Firmware.Uefi,
            Hardware = new VirtualHardware("virtio-scsi", "virtio-net"),
            SshServer = true,
        };
    }

    public override IReadOnlyList<BuildOutput> DeclareOutputs(OracleSettings settings, Manifest manifest, DiskLayout? layout, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        var format = manifest.Volume.Backing == "vmdk" ? StreamOptimizedVmdk : DiskImageFormat.Find("qcow2")!;
        var image = Path.Combine(outputDirectory, $"{manifest.Name}.{format.Extension}");
        return
        [
            new DiskImageOutput(image, format, layout.TotalSize),
            .. StandardOutputs.For(manifest, layout, outputDirectory).Where(output => output is not DiskImageOutput),
            new PublicationRecordOutput(PublicationRecord.PathFor(outputDirectory, manifest.Name)),
        ];
    }

    public PublicationRecord DescribePublication(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = spec.SettingsOf<OracleSettings>();
        var image = spec.Outputs.RequireDiskImage();
        var target = new OracleTarget
        {
            Bucket = settings.Bucket,
            KeyPrefix = settings.KeyPrefix,
            Namespace = settings.Namespace,
            Compartment = settings.Compartment,
            Region = settings.Region,
            Profile = settings.Profile,
            Verify = settings.Verify,
            OperatingSystemVersion = spec.Manifest.System.Release,
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
            Description = $"Debian {spec.Manifest.System.Release} ({spec.Architecture.Debian})",
            Tags = CloudTemplates.RenderTags(spec),
            Target = target.ToJson(),
        };
    }

    /// <summary>bootstrap-vz's oracle credentials were OCI Classic's login, which the rules refuse: none reach the cloud.</summary>
    public IReadOnlyDictionary<string, string> ManifestCredentials(BuildSpec spec) => new Dictionary<string, string>(StringComparer.Ordinal);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, OracleSettings settings) => OracleRules.Check(spec, settings);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, OracleSettings settings)
    {
        StandardTasks.AddTo(tasks, spec);
        StandardTasks.AddSshServer(tasks);
        tasks.Add<AddOraclePackages>()
            .Add<ConfigureOracleConsole>()
            .Add<ConfigureOracleCloudInit>()
            .Add<GrowRootAtBoot>()
            .Add<WritePublicationRecord>();
        if (!spec.HasPlugin("ntp"))
        {
            tasks.Add<ConfigureOracleTimeSync>();
        }
    }
}
