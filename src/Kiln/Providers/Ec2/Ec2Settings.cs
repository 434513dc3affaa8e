using Kiln.Specs;
using Newtonsoft.Json.Linq;

using Kiln.Providers.Cloud;

namespace Kiln.Providers.Ec2;

/// <summary>The ec2 provider's settings: bootstrap-vz's keys, and Kiln's for the upload and registration.</summary>
public sealed record Ec2Settings
{
    public const string DefaultDescription = "Debian {system.release} {system.architecture}";

    public string Description { get; init; } = DefaultDescription;

    public string Virtualization { get; init; } = "hvm";

    /// <summary><c>simple</c>: the ENA and ixgbevf drivers are checked for and the AMI is registered with both flags.</summary>
    public bool EnhancedNetworking { get; init; } = true;

    public string? AmznDriverVersion { get; init; }

    public bool Encrypted { get; init; }

    public string? KmsKeyId { get; init; }

    public string? Profile { get; init; }

    /// <summary>bootstrap-vz's <c>credentials</c> keys, by name (access-key, secret-key, session-token; the euca2ools ones are refused).</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? Bucket { get; init; }

    public string KeyPrefix { get; init; } = string.Empty;

    public string? Region { get; init; }

    public string VolumeType { get; init; } = "gp3";

    public bool? InstallInitScripts { get; init; }

    public string? Kernel { get; init; }

    public SourceMap Where { get; init; } = SourceMap.None;

    /// <summary>Where the core keys the provider's rules cover are written.</summary>
    public CoreKeyLocations Core { get; init; } = CoreKeyLocations.None;

    public static Ec2Settings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var credentials = (settings["credentials"] as JObject ?? []).Properties()
            .Where(p => p.Value.Type == JTokenType.String)
            .ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal);
        return new Ec2Settings
        {
            Description = (string?)settings["description"] ?? DefaultDescription,
            Virtualization = (string?)settings["virtualization"] ?? "hvm",
            EnhancedNetworking = (string?)settings["enhanced_networking"] != "none",
            AmznDriverVersion = (string?)settings["amzn-driver-version"],
            Encrypted = settings["encrypted"] is JValue { Value: true },
            KmsKeyId = (string?)settings["kms_key_id"],
            Profile = (string?)settings["profile"],
            Credentials = credentials,
            Bucket = (string?)settings["bucket"],
            KeyPrefix = (string?)settings["key_prefix"] ?? string.Empty,
            Region = (string?)settings["region"],
            VolumeType = (string?)settings["volume_type"] ?? "gp3",
            InstallInitScripts = settings["install_init_scripts"] is JValue { Type: JTokenType.Boolean } flag ? (bool)flag : null,
            Kernel = (string?)settings["kernel"],
            Where = section.Locations,
            Core = CoreKeyLocations.Of(section),
        };
    }
}
