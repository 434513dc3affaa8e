using Kiln.Specs;

namespace Kiln.Providers.Cloud;

/// <summary>
/// The description and tags of a cloud image, rendered as bootstrap-vz rendered them: <c>{section.key}</c> manifest
/// values and <c>{%Y}</c>-style fields of the build's start time. A field that cannot be filled stays as written
/// (the checks report it before the build).
/// </summary>
public static class CloudTemplates
{
    public static string Render(BuildSpec spec, string template)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        var text = spec.Values.Render(template, spec.Manifest.BuildTime, new Dictionary<string, string>(StringComparer.Ordinal), problems);
        return problems.Count == 0 ? text : template;
    }

    public static IReadOnlyDictionary<string, string> RenderTags(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Manifest.Tags.ToDictionary(tag => tag.Key, tag => Render(spec, tag.Value), StringComparer.Ordinal);
    }

    /// <summary>Why a template cannot be rendered, one sentence per field, or none.</summary>
    public static IReadOnlyList<string> Problems(BuildSpec spec, string template)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        spec.Values.Render(template, spec.Manifest.BuildTime, new Dictionary<string, string>(StringComparer.Ordinal), problems);
        return problems;
    }
}
