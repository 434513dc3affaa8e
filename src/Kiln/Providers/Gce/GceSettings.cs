using Kiln.Manifests;
using Kiln.Providers.Cloud;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce;

/// <summary>The gce provider's settings: bootstrap-vz's keys (description, gcs_destination, gce_project) and Kiln's for the image.</summary>
public sealed record GceSettings
{
    public const string DefaultDescription = "Debian {system.release} {system.architecture}";

    public string Description { get; init; } = DefaultDescription;

    /// <summary>bootstrap-vz's <c>gs://BUCKET/PREFIX/</c> the archive is uploaded to; null when the manifest names none.</summary>
    public string? GcsDestination { get; init; }

    public string? Project { get; init; }

    /// <summary>The image family (a template, like the description); null for none.</summary>
    public string? Family { get; init; }

    /// <summary>Guest OS features beyond the ones Kiln sets from the platform (UEFI_COMPATIBLE, VIRTIO_SCSI_MULTIQUEUE).</summary>
    public IReadOnlyList<string> GuestOsFeatures { get; init; } = [];

    public string? Kernel { get; init; }

    public SourceMap Where { get; init; } = SourceMap.None;

    public CoreKeyLocations Core { get; init; } = CoreKeyLocations.None;

    /// <summary>Where the manifest's <c>name</c> and <c>tags</c> are: GCE's image naming and label rules are checked there.</summary>
    public SourceLocation NameLocation { get; init; } = SourceMap.None.Section;

    public SourceLocation TagsLocation { get; init; } = SourceMap.None.Section;

    public static GceSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new GceSettings
        {
            Description = (string?)settings["description"] ?? DefaultDescription,
            GcsDestination = (string?)settings["gcs_destination"],
            Project = (string?)settings["gce_project"],
            Family = (string?)settings["family"],
            GuestOsFeatures = [.. (settings["guest_os_features"] as JArray ?? []).Select(f => (string?)f).OfType<string>()],
            Kernel = (string?)settings["kernel"],
            Where = section.Locations,
            Core = CoreKeyLocations.Of(section),
            NameLocation = section.LocationInManifest("name"),
            TagsLocation = section.LocationInManifest("tags"),
        };
    }
}
