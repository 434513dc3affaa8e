using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Gce.Publishing;

/// <summary>Where and how a gce image is published: the publication record's <c>target</c>.</summary>
public sealed record GceTarget
{
    /// <summary>bootstrap-vz's <c>gcs_destination</c>, <c>gs://BUCKET/PREFIX</c>; null when the manifest names none.</summary>
    public string? GcsDestination { get; init; }

    public string? Project { get; init; }

    public string? Family { get; init; }

    public IReadOnlyList<string> GuestOsFeatures { get; init; } = [];

    /// <summary>The bucket of <see cref="GcsDestination"/>.</summary>
    public string? Bucket => GcsDestination is { } destination ? destination["gs://".Length..].Split('/', 2)[0] : null;

    /// <summary>The object name prefix of <see cref="GcsDestination"/> (empty, or ending with /).</summary>
    public string Prefix
    {
        get
        {
            if (GcsDestination is not { } destination || destination["gs://".Length..].Split('/', 2) is not [_, var prefix] || prefix.Length == 0)
            {
                return string.Empty;
            }

            return prefix.EndsWith('/') ? prefix : prefix + "/";
        }
    }

    public JObject ToJson() => new()
    {
        ["gcs_destination"] = GcsDestination,
        ["project"] = Project,
        ["family"] = Family,
        ["guest_os_features"] = new JArray(GuestOsFeatures),
    };

    public static GceTarget From(JObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new GceTarget
        {
            GcsDestination = (string?)target["gcs_destination"],
            Project = (string?)target["project"],
            Family = (string?)target["family"],
            GuestOsFeatures = [.. (target["guest_os_features"] as JArray ?? []).Select(f => (string?)f).OfType<string>()],
        };
    }
}
