using Kiln.Providers.Cloud;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Azure;

/// <summary>The azure provider's settings: bootstrap-vz's <c>waagent</c> keys, and Kiln's for the generation, the upload and the image.</summary>
public sealed record AzureSettings
{
    public const string DefaultContainer = "vhds";

    /// <summary><c>waagent.version</c>: the WALinuxAgent release bootstrap-vz downloaded (refused: Debian packages the agent).</summary>
    public string? WaagentVersion { get; init; }

    /// <summary><c>waagent.conf</c>: a file on the build host that replaces the image's <c>/etc/waagent.conf</c>.</summary>
    public string? WaagentConf { get; init; }

    /// <summary>The Hyper-V generation written (1: BIOS, 2: UEFI); null when the manifest leaves it to the firmware.</summary>
    public int? Generation { get; init; }

    public string? Kernel { get; init; }

    public string? StorageAccount { get; init; }

    public string Container { get; init; } = DefaultContainer;

    public string BlobPrefix { get; init; } = string.Empty;

    public string? Subscription { get; init; }

    public string? ResourceGroup { get; init; }

    public string? Location { get; init; }

    public SourceMap Where { get; init; } = SourceMap.None;

    public CoreKeyLocations Core { get; init; } = CoreKeyLocations.None;

    public static AzureSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var waagent = settings["waagent"] as JObject;
        return new AzureSettings
        {
            WaagentVersion = (string?)waagent?["version"],
            WaagentConf = (string?)waagent?["conf"],
            Generation = settings["generation"] is JValue { Type: JTokenType.Integer } generation ? (int)generation : null,
            Kernel = (string?)settings["kernel"],
            StorageAccount = (string?)settings["storage_account"],
            Container = (string?)settings["container"] ?? DefaultContainer,
            BlobPrefix = (string?)settings["blob_prefix"] ?? string.Empty,
            Subscription = (string?)settings["subscription"],
            ResourceGroup = (string?)settings["resource_group"],
            Location = (string?)settings["location"],
            Where = section.Locations,
            Core = CoreKeyLocations.Of(section),
        };
    }
}
