using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>Where and how an ec2 image is published: the publication record's <c>target</c>.</summary>
public sealed record Ec2Target
{
    public string? Bucket { get; init; }

    public string KeyPrefix { get; init; } = string.Empty;

    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string VolumeType { get; init; } = "gp3";

    /// <summary>Registered with EnaSupport and SriovNetSupport (<c>enhanced_networking: simple</c>).</summary>
    public bool EnhancedNetworking { get; init; } = true;

    public bool Encrypted { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary>The ec2_publish plugin's part, or null.</summary>
    public AmiPublishing? Publishing { get; init; }

    /// <summary>The ec2_launch plugin's part, or null.</summary>
    public InstanceLaunching? Launching { get; init; }

    public JObject ToJson() => new()
    {
        ["bucket"] = Bucket,
        ["key_prefix"] = KeyPrefix,
        ["region"] = Region,
        ["profile"] = Profile,
        ["volume_type"] = VolumeType,
        ["enhanced_networking"] = EnhancedNetworking,
        ["encrypted"] = Encrypted,
        ["kms_key_id"] = KmsKeyId,
        ["ec2_publish"] = Publishing?.ToJson(),
        ["ec2_launch"] = Launching?.ToJson(),
    };

    public static Ec2Target From(JObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new Ec2Target
        {
            Bucket = (string?)target["bucket"],
            KeyPrefix = (string?)target["key_prefix"] ?? string.Empty,
            Region = (string?)target["region"],
            Profile = (string?)target["profile"],
            VolumeType = (string?)target["volume_type"] ?? "gp3",
            EnhancedNetworking = target["enhanced_networking"]?.Value<bool>() != false,
            Encrypted = target["encrypted"]?.Value<bool>() == true,
            KmsKeyId = (string?)target["kms_key_id"],
            Publishing = target["ec2_publish"] is JObject publishing ? AmiPublishing.From(publishing) : null,
            Launching = target["ec2_launch"] is JObject launching ? InstanceLaunching.From(launching) : null,
        };
    }
}
