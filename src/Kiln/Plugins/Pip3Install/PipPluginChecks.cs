using Kiln.Manifests;

namespace Kiln.Plugins.Pip3Install;

/// <summary>What pip3_install and pip_install check beyond their schema.</summary>
public static class PipPluginChecks
{
    public static IEnumerable<ManifestError> Validate(Manifest manifest, string pluginName)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        var settings = PipSettings.From(manifest, pluginName);
        var section = document.Root.SelectToken($"plugins.{pluginName}");
        if (settings.Packages.Count == 0 && settings.WheelDirectory is null)
        {
            yield return document.ErrorAt(section, $"{pluginName} needs packages, a wheel_directory, or both");
        }

        if (settings.IndexUrl is not null && settings.WheelDirectory is not null)
        {
            yield return document.ErrorAt(document.Root.SelectToken($"plugins.{pluginName}.index_url"),
                "index_url and wheel_directory exclude each other: a wheel directory is installed without any index");
        }

        if (settings.WheelDirectory is { } wheels)
        {
            var token = document.Root.SelectToken($"plugins.{pluginName}.wheel_directory");
            if (!Directory.Exists(wheels))
            {
                yield return document.ErrorAt(token, $"the wheel directory {wheels} does not exist");
            }
            else if (settings.Packages.Count == 0 && PipSettings.Wheels(wheels).Count == 0)
            {
                yield return document.ErrorAt(token, $"the wheel directory {wheels} has no .whl files, and no packages are named to install from it");
            }
        }
    }
}
