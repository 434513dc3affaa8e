using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Debconf;

/// <summary>bootstrap-vz's debconf plugin: debconf-set-selections text from the manifest, answered before packages are installed.</summary>
public sealed class DebconfPlugin : IPlugin
{
    public const string PluginName = "debconf";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin debconf", typeof(DebconfPlugin).Assembly, "Plugins/Debconf/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var value = manifest.Plugins[PluginName]!;
        var (selections, problems) = DebconfText.Parse((string)value!);
        var errors = problems.Select(problem => DebconfTextLocations.ErrorAt(manifest.Document, value, problem)).ToList();
        if (errors.Count == 0 && selections.Count == 0)
        {
            errors.Add(manifest.Document.ErrorAt(value, "the debconf text holds no selection, only blank lines and comments"));
        }

        return errors;
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddDebconfSelections>();
    }

    /// <summary>The manifest's selections (the text passed validation).</summary>
    public static IReadOnlyList<DebconfSelection> Selections(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return DebconfText.Parse((string)manifest.Plugins[PluginName]!).Selections;
    }
}
