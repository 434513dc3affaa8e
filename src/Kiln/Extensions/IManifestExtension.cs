using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Extensions;

/// <summary>
/// What providers and plugins have in common: a schema part, a typed settings record bound once from their
/// section of the manifest, checks a schema cannot express, and the tasks they add.
/// </summary>
public interface IManifestExtension
{
    /// <summary>The name the manifest uses (<c>provider.name</c> or the key under <c>plugins</c>).</summary>
    string Name { get; }

    /// <summary>The extension's part of the manifest schema, or null when it adds none.</summary>
    ManifestSchema? Schema { get; }

    /// <summary>Turns the extension's manifest section into its settings record (after the schema accepted it).</summary>
    object BindSettings(SettingsSection section);

    /// <summary>Checks that need more than a schema (files that must exist, combinations); every problem with its location.</summary>
    IEnumerable<ManifestError> Validate(BuildSpec spec);

    /// <summary>Adds the tasks this extension needs for the build.</summary>
    void ResolveTasks(TaskSet tasks, BuildSpec spec);
}
