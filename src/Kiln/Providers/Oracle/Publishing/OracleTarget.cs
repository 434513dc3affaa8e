using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Oracle.Publishing;

/// <summary>Where and how an oracle image is published: the publication record's <c>target</c>.</summary>
public sealed record OracleTarget
{
    public string? Bucket { get; init; }

    public string KeyPrefix { get; init; } = string.Empty;

    public string? Namespace { get; init; }

    /// <summary>The compartment's OCID; null: the profile's tenancy (its root compartment).</summary>
    public string? Compartment { get; init; }

    public string? Region { get; init; }

    public string? Profile { get; init; }

    public bool Verify { get; init; }

    /// <summary>The operating system version OCI shows for the image (the release).</summary>
    public string OperatingSystemVersion { get; init; } = string.Empty;

    public JObject ToJson() => new()
    {
        ["bucket"] = Bucket,
        ["key_prefix"] = KeyPrefix,
        ["namespace"] = Namespace,
        ["compartment"] = Compartment,
        ["region"] = Region,
        ["profile"] = Profile,
        ["verify"] = Verify,
        ["operating_system_version"] = OperatingSystemVersion,
    };

    public static OracleTarget From(JObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new OracleTarget
        {
            Bucket = (string?)target["bucket"],
            KeyPrefix = (string?)target["key_prefix"] ?? string.Empty,
            Namespace = (string?)target["namespace"],
            Compartment = (string?)target["compartment"],
            Region = (string?)target["region"],
            Profile = (string?)target["profile"],
            Verify = target["verify"]?.Value<bool>() == true,
            OperatingSystemVersion = (string?)target["operating_system_version"] ?? string.Empty,
        };
    }
}
