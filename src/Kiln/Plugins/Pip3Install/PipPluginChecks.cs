using Kiln.Manifests;

namespace Kiln.Plugins.Pip3Install;

/// <summary>What pip3_install and pip_install check beyond their schema.</summary>
public static class PipPluginChecks
{
    public static IEnumerable<ManifestError> Validate(PipSettings settings, string pluginName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var where = settings.Where;
        if (settings.Packages.Count == 0 && settings.WheelDirectory is null)
        {
            yield return new ManifestError(where.Section, $"{pluginName} needs packages, a wheel_directory, or both");
        }

        if (settings.IndexUrl is not null && settings.WheelDirectory is not null)
        {
            yield return where.ErrorAt("index_url", "index_url and wheel_directory exclude each other: a wheel directory is installed without any index");
        }

        if (settings.WheelDirectory is { } wheels)
        {
            if (!Directory.Exists(wheels))
            {
                yield return where.ErrorAt("wheel_directory", $"the wheel directory {wheels} does not exist");
            }
            else if (settings.Packages.Count == 0 && PipSettings.Wheels(wheels).Count == 0)
            {
                yield return where.ErrorAt("wheel_directory", $"the wheel directory {wheels} has no .whl files, and no packages are named to install from it");
            }
        }
    }
}
