using Kiln.Specs;

namespace Kiln.Builds;

/// <summary>
/// Which builds of one run will likely bootstrap the same tree: same release, architecture, bootstrapper,
/// mirror, packages, provider and plugins. It only orders the run (the cache's fingerprint decides what is
/// really shared), so a rough key costs at most a wait, never a wrong image.
/// </summary>
public static class BootstrapGroup
{
    public static string KeyOf(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var manifest = spec.Manifest;
        var bootstrapper = manifest.Bootstrapper;
        return string.Join('\n',
            manifest.System.Release,
            spec.Platform.Architecture.Debian,
            bootstrapper.Tool,
            bootstrapper.Variant,
            bootstrapper.Mirror,
            string.Join(' ', bootstrapper.IncludePackages.Order(StringComparer.Ordinal)),
            string.Join(' ', bootstrapper.ExcludePackages.Order(StringComparer.Ordinal)),
            string.Join(' ', manifest.Packages.Install.Select(p => p.LocalPath ?? p.AptArgument).Order(StringComparer.Ordinal)),
            spec.Provider.Name,
            string.Join(' ', manifest.PluginNames.Order(StringComparer.Ordinal)));
    }
}
