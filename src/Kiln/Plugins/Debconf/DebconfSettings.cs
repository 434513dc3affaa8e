using Kiln.Manifests;
using Kiln.Specs;

namespace Kiln.Plugins.Debconf;

/// <summary>The debconf plugin's text, parsed: the selections, and each problem already placed in the manifest file.</summary>
public sealed record DebconfSettings(IReadOnlyList<DebconfSelection> Selections, IReadOnlyList<ManifestError> Problems)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static DebconfSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var text = (string?)section.Value ?? string.Empty;
        var (selections, problems) = DebconfText.Parse(text);
        var errors = problems.Select(problem => DebconfTextLocations.ErrorAt(section.File, section.SourceText, section.Locations.Section, text, problem)).ToList();
        return new DebconfSettings(selections, errors) { Where = section.Locations };
    }
}
