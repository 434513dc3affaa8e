using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.GoogleCloudRepo;

/// <summary>The google_cloud_repo plugin's settings: bootstrap-vz's two keys, and Kiln's for the key file, the repository and its suites.</summary>
public sealed record GoogleCloudRepoSettings
{
    public const string DefaultUrl = "https://packages.cloud.google.com/apt";

    /// <summary>The suite of Google Cloud's CLI (google-cloud-cli) in Google's current install guide.</summary>
    public const string DefaultSuite = "cloud-sdk";

    /// <summary>bootstrap-vz deleted the apt-key ring it had used; Kiln never writes one, so this holds either way.</summary>
    public bool CleanupBootstrapKey { get; init; }

    /// <summary>Adds Google's keyring suite and installs google-cloud-packages-archive-keyring, which keeps the key current.</summary>
    public bool EnableKeyringRepo { get; init; }

    /// <summary>The file of Google's signing key (absolute, resolved against the manifest); null when the manifest names none.</summary>
    public string? KeyPath { get; init; }

    public string Url { get; init; } = DefaultUrl;

    public IReadOnlyList<string> Suites { get; init; } = [DefaultSuite];

    public SourceMap Where { get; init; } = SourceMap.None;

    public static GoogleCloudRepoSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var key = (string?)settings["key"];
        var suites = (settings["suites"] as JArray)?.Select(s => (string?)s).OfType<string>().ToList();
        return new GoogleCloudRepoSettings
        {
            CleanupBootstrapKey = settings["cleanup_bootstrap_key"] is JValue { Value: true },
            EnableKeyringRepo = settings["enable_keyring_repo"] is JValue { Value: true },
            KeyPath = key is null ? null : section.FullPath(key),
            Url = (string?)settings["url"] ?? DefaultUrl,
            Suites = suites is { Count: > 0 } ? suites : [DefaultSuite],
            Where = section.Locations,
        };
    }
}
