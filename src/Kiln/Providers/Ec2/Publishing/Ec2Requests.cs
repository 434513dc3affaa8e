using Amazon.EC2;
using Amazon.EC2.Model;
using Kiln.Platforms;
using Kiln.Publishing;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>
/// The S3 key and the EC2 requests of a publication, built from the record alone (pure, asserted by tests):
/// ImportSnapshot from the uploaded object, then RegisterImage with the root device, the boot mode, the
/// enhanced networking flags, the volume type, the description and the tags.
/// </summary>
public static class Ec2Requests
{
    /// <summary>The root device name Debian's AMIs use.</summary>
    public const string RootDevice = "/dev/xvda";

    public static string ObjectKey(PublicationRecord record, Ec2Target target)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        return target.KeyPrefix + record.Image;
    }

    public static ImportSnapshotRequest ImportSnapshot(PublicationRecord record, Ec2Target target, string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        var request = new ImportSnapshotRequest
        {
            Description = $"{record.Name}: {record.Description}",
            DiskContainer = new SnapshotDiskContainer
            {
                Description = record.Name,
                Format = record.Format == "vmdk" ? "VMDK" : "RAW",
                UserBucket = new UserBucket { S3Bucket = bucket, S3Key = key },
            },
            TagSpecifications = Tags(record, ResourceType.ImportSnapshotTask),
        };
        if (target.Encrypted)
        {
            request.Encrypted = true;
            request.KmsKeyId = target.KmsKeyId;
        }

        return request;
    }

    public static RegisterImageRequest RegisterImage(PublicationRecord record, Ec2Target target, string snapshotId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        var request = new RegisterImageRequest
        {
            Name = record.Name,
            Description = record.Description,
            Architecture = record.Architecture == "arm64" ? ArchitectureValues.Arm64 : ArchitectureValues.X86_64,
            RootDeviceName = RootDevice,
            VirtualizationType = "hvm",
            BootMode = BootMode(record.Firmware),
            BlockDeviceMappings =
            [
                new BlockDeviceMapping
                {
                    DeviceName = RootDevice,
                    Ebs = new EbsBlockDevice { SnapshotId = snapshotId, VolumeType = target.VolumeType, DeleteOnTermination = true },
                },
            ],
            TagSpecifications = Tags(record, ResourceType.Image),
        };
        if (target.EnhancedNetworking)
        {
            request.EnaSupport = true;
            request.SriovNetSupport = "simple";
        }

        return request;
    }

    /// <summary>Hybrid disks prefer UEFI where the instance type has it and fall back to BIOS.</summary>
    public static BootModeValues BootMode(Firmware firmware) => firmware switch
    {
        Firmware.Bios => BootModeValues.LegacyBios,
        Firmware.Uefi => BootModeValues.Uefi,
        _ => BootModeValues.UefiPreferred,
    };

    public static DescribeImagesRequest FindImage(string name) => new()
    {
        Owners = ["self"],
        Filters = [new Filter("name", [name])],
    };

    private static List<TagSpecification>? Tags(PublicationRecord record, ResourceType type) =>
        record.Tags.Count == 0 ? null : [new TagSpecification { ResourceType = type, Tags = [.. record.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag(t.Key, t.Value))] }];

    /// <summary>ec2_publish: a copy of the AMI in another region (asked of that region's endpoint).</summary>
    public static CopyImageRequest CopyImage(PublicationRecord record, string sourceRegion, string imageId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CopyImageRequest { SourceRegion = sourceRegion, SourceImageId = imageId, Name = record.Name, Description = $"{record.Description} (copied from {imageId} in {sourceRegion})" };
    }

    /// <summary>ec2_publish's public: the launch permission of group all.</summary>
    public static ModifyImageAttributeRequest MakePublic(string imageId) => new()
    {
        ImageId = imageId,
        LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { Group = PermissionGroup.All }] },
    };

    /// <summary>ec2_publish's manifest: the AMI of each region, as JSON, regions in order.</summary>
    public static string AmiManifest(IReadOnlyDictionary<string, string> amis)
    {
        ArgumentNullException.ThrowIfNull(amis);
        return new Newtonsoft.Json.Linq.JObject(amis.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new Newtonsoft.Json.Linq.JProperty(a.Key, a.Value))).ToString(Newtonsoft.Json.Formatting.Indented) + "\n";
    }

    /// <summary>ec2_launch: one instance of the AMI, with the key pair, security groups and tags the manifest names.</summary>
    public static RunInstancesRequest RunInstance(string imageId, InstanceLaunching launching)
    {
        ArgumentNullException.ThrowIfNull(launching);
        var request = new RunInstancesRequest
        {
            ImageId = imageId,
            MinCount = 1,
            MaxCount = 1,
            InstanceType = InstanceType.FindValue(launching.InstanceType),
            KeyName = launching.KeyName,
            SecurityGroupIds = launching.SecurityGroupIds.Count == 0 ? null : [.. launching.SecurityGroupIds],
        };
        if (launching.Tags.Count > 0)
        {
            request.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [.. launching.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag(t.Key, t.Value))] }];
        }

        return request;
    }
}
