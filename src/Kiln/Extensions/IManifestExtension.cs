using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Extensions;

/// <summary>What providers and plugins have in common: a schema part, extra validation, and the tasks they add.</summary>
public interface IManifestExtension
{
    /// <summary>The name the manifest uses (<c>provider.name</c> or the key under <c>plugins</c>).</summary>
    string Name { get; }

    /// <summary>The extension's part of the manifest schema, or null when it adds none.</summary>
    ManifestSchema? Schema { get; }

    /// <summary>Checks that need more than a schema (files that must exist, combinations); every problem with its location.</summary>
    IEnumerable<ManifestError> Validate(Manifest manifest);

    /// <summary>Adds the tasks this extension needs for the manifest.</summary>
    void ResolveTasks(TaskSet tasks, Manifest manifest);
}
