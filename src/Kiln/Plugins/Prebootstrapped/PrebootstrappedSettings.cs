using Kiln.Manifests;
using Kiln.Specs;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>The prebootstrapped plugin's settings: the folder of saved trees (absolute; default WORKSPACE/prebootstrapped), and bootstrap-vz keys Kiln refuses.</summary>
public sealed record PrebootstrappedSettings(string? ExplicitFolder, IReadOnlyList<string> RefusedKeys)
{
    public const string DefaultFolderName = "prebootstrapped";

    private static readonly string[] RefusableKeys = ["image", "snapshot"];

    public SourceMap Where { get; init; } = SourceMap.None;

    public static PrebootstrappedSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var folder = (string?)settings["folder"];
        return new PrebootstrappedSettings(folder is null ? null : section.FullPath(folder), [.. RefusableKeys.Where(key => settings[key] is not null)])
        {
            Where = section.Locations,
        };
    }

    /// <summary>The folder of saved trees: the manifest's, or the workspace's <c>prebootstrapped</c>.</summary>
    public string Folder(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return ExplicitFolder ?? Path.Combine(manifest.Bootstrapper.Workspace, DefaultFolderName);
    }
}
