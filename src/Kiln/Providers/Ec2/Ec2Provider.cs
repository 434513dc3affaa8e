using Kiln.Common;
using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Plugins.Ec2Launch;
using Kiln.Plugins.Ec2Publish;
using Kiln.Providers.Cloud;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Providers.Ec2;

/// <summary>
/// Amazon EC2 images as Debian makes them today: the cloud kernel, cloud-init with the EC2 data source and the
/// <c>admin</c> user, NVMe and ENA ready, EC2's time service, the serial console on ttyS0, the root grown to the
/// volume at boot; hybrid BIOS+UEFI on amd64, UEFI on arm64. A raw or stream-optimized VMDK disk, published by an
/// S3 upload, ImportSnapshot and RegisterImage.
/// </summary>
public sealed class Ec2Provider : Provider<Ec2Settings>, ICloudProvider
{
    public const string ProviderName = "ec2";

    /// <summary>The stream-optimized VMDK EC2 imports (smaller to upload than raw).</summary>
    public static DiskImageFormat StreamOptimizedVmdk { get; } = new("vmdk", "vmdk", "vmdk", ["subformat=streamOptimized"]);

    public override string Name => ProviderName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("provider ec2", typeof(Ec2Provider).Assembly, "Providers/Ec2/manifest-schema.yml");

    public ICloud Cloud { get; } = new Ec2Cloud();

    public override Ec2Settings Bind(SettingsSection section) => Ec2Settings.Bind(section);

    /// <summary>Nitro machines: NVMe disks, an ENA network card; amd64 AMIs boot from BIOS or UEFI, arm64 from UEFI.</summary>
    public override ProviderProfile Profile(Ec2Settings settings, ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new ProviderProfile
        {
            DefaultFirmware = architecture.HasBios ? Firmware.Hybrid : Firmware.Uefi,
            Hardware = new VirtualHardware("nvme", "ena"),
            SshServer = true,
        };
    }

    public override IReadOnlyList<BuildOutput> DeclareOutputs(Ec2Settings settings, Manifest manifest, DiskLayout? layout, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        var format = manifest.Volume.Backing == "raw" ? DiskImageFormat.Find("raw")! : StreamOptimizedVmdk;
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
        var settings = spec.SettingsOf<Ec2Settings>();
        var image = spec.Outputs.RequireDiskImage();
        var target = new Ec2Target
        {
            Bucket = settings.Bucket,
            KeyPrefix = settings.KeyPrefix,
            Region = settings.Region,
            Profile = settings.Profile,
            VolumeType = settings.VolumeType,
            EnhancedNetworking = settings.EnhancedNetworking,
            Encrypted = settings.Encrypted,
            KmsKeyId = settings.KmsKeyId,
            Publishing = spec.HasPlugin(Ec2PublishPlugin.PluginName) && spec.SettingsOf<Ec2PublishSettings>() is var publish
                ? new AmiPublishing(publish.Regions, publish.Public, publish.ManifestUrl)
                : null,
            Launching = spec.HasPlugin(Ec2LaunchPlugin.PluginName) && spec.SettingsOf<Ec2LaunchSettings>() is var launch
                ? new InstanceLaunching
                {
                    SecurityGroupIds = launch.SecurityGroupIds,
                    InstanceType = launch.InstanceType,
                    KeyName = launch.SshKey,
                    PublicIpFile = launch.PrintPublicIp,
                    Tags = launch.Tags.ToDictionary(t => t.Key, t => CloudTemplates.Render(spec, t.Value), StringComparer.Ordinal),
                    DeregisterAmi = launch.DeregisterAmi,
                    Terminate = launch.Terminate,
                }
                : null,
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

    public IReadOnlyDictionary<string, string> ManifestCredentials(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.SettingsOf<Ec2Settings>().Credentials;
    }

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, Ec2Settings settings) => Ec2Rules.Check(spec, settings);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, Ec2Settings settings)
    {
        StandardTasks.AddTo(tasks, spec);
        StandardTasks.AddSshServer(tasks);
        tasks.Add<AddEc2Packages>()
            .Add<ConfigureEc2Console>()
            .Add<ConfigureEc2CloudInit>()
            .Add<GrowRootAtBoot>()
            .Add<WritePublicationRecord>();
        if (!spec.HasPlugin("ntp"))
        {
            tasks.Add<ConfigureEc2TimeSync>();
        }

        if (settings.EnhancedNetworking)
        {
            tasks.Add<CheckEnhancedNetworkingDrivers>();
        }
    }
}
