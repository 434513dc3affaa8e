using Kiln.Providers.Cloud;
using Kiln.Manifests;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Oracle;

/// <summary>The oracle provider's settings: bootstrap-vz's keys where they still apply, and Kiln's for OCI's upload and import.</summary>
public sealed record OracleSettings
{
    /// <summary>bootstrap-vz's <c>credentials</c> keys by name (refused: OCI Classic's login).</summary>
    public IReadOnlyList<string> ClassicCredentials { get; init; } = [];

    /// <summary>The bucket, from <c>bucket</c> or bootstrap-vz's <c>container</c>.</summary>
    public string? Bucket { get; init; }

    /// <summary>Both <c>bucket</c> and <c>container</c> are written, naming different buckets.</summary>
    public bool BucketConflict { get; init; }

    public bool Verify { get; init; }

    public string? Namespace { get; init; }

    public string? Compartment { get; init; }

    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string KeyPrefix { get; init; } = string.Empty;

    public string? Kernel { get; init; }

    public SourceMap Where { get; init; } = SourceMap.None;

    public CoreKeyLocations Core { get; init; } = CoreKeyLocations.None;

    /// <summary>Where <c>system.firmware</c> is written (or the system section).</summary>
    public SourceLocation FirmwareKey { get; init; } = SourceMap.None.Section;

    public static OracleSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var bucket = (string?)settings["bucket"];
        var container = (string?)settings["container"];
        return new OracleSettings
        {
            ClassicCredentials = [.. (settings["credentials"] as JObject ?? []).Properties().Select(p => p.Name)],
            Bucket = bucket ?? container,
            BucketConflict = bucket is not null && container is not null && bucket != container,
            Verify = settings["verify"] is JValue { Value: true },
            Namespace = (string?)settings["namespace"],
            Compartment = (string?)settings["compartment"],
            Region = (string?)settings["region"],
            Profile = (string?)settings["profile"],
            KeyPrefix = (string?)settings["key_prefix"] ?? string.Empty,
            Kernel = (string?)settings["kernel"],
            Where = section.Locations,
            Core = CoreKeyLocations.Of(section),
            FirmwareKey = section.LocationInManifest("system", "firmware"),
        };
    }
}
