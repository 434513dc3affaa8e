using Kiln.Disks;
using Kiln.Specs;

namespace Kiln.Tests;

/// <summary>Specs changed in one part, for tasks that need, say, a particular disk layout.</summary>
public static class TestSpecs
{
    /// <summary>The minimal manifest's spec with <paramref name="layout"/> as its disk layout.</summary>
    public static BuildSpec WithLayout(DiskLayout layout, BuildSpec? spec = null)
    {
        var source = spec ?? TestManifests.Bind(TestManifests.Minimal);
        return new BuildSpec
        {
            Manifest = source.Manifest,
            Provider = source.Provider,
            Plugins = source.Plugins,
            Settings = source.Settings,
            ProviderProfile = source.ProviderProfile,
            Platform = source.Platform,
            Layout = layout,
            Outputs = source.Outputs,
            SourceDateEpoch = source.SourceDateEpoch,
            Values = source.Values,
            OutputDirectory = source.OutputDirectory,
            HostMachine = source.HostMachine,
        };
    }
}
