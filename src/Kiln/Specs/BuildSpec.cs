using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;

namespace Kiln.Specs;

/// <summary>
/// Everything one build is, decided once after validation: the manifest's typed sections, each extension's
/// settings record, the platform, the disk layout with its UUIDs and the declared outputs. Planning, the
/// host-tool check, <c>plan</c>, <c>--dry-run</c> and every task read this; none of them reads the manifest
/// tree, recomputes the layout or compares a provider's name.
/// </summary>
public sealed class BuildSpec
{
    public required Manifest Manifest { get; init; }

    public required IProvider Provider { get; init; }

    /// <summary>The plugins the manifest turns on, by name.</summary>
    public required IReadOnlyList<IPlugin> Plugins { get; init; }

    public required ExtensionSettings Settings { get; init; }

    /// <summary>What the provider's machines are like (its defaults, its virtual hardware).</summary>
    public required ProviderProfile ProviderProfile { get; init; }

    public required Platform Platform { get; init; }

    /// <summary>The disk layout with every UUID, or null for a provider that writes no disk.</summary>
    public DiskLayout? Layout { get; init; }

    public required BuildOutputs Outputs { get; init; }

    /// <summary>
    /// The SOURCE_DATE_EPOCH known before the build starts (the environment's, else the manifest's); null when the
    /// build takes the Date of the mirror's Release file, which only the build reads.
    /// </summary>
    public SourceDateEpoch? SourceDateEpoch { get; init; }

    /// <summary>The manifest's values for templates and hooks (with defaults, the name rendered).</summary>
    public required ManifestValues Values { get; init; }

    /// <summary>
    /// The automatic cache of bootstrapped trees, or null when it is off (<c>--no-cache</c>, <c>bootstrapper.cache:
    /// false</c>) and the build is alone in its run (builds of one run share a store of their own then).
    /// </summary>
    public Caching.TreeCacheSettings? TreeCache { get; init; }

    /// <summary>The tmpfs a build that keeps no tree works in (<see cref="Plugins.TmpfsWorkspace.InMemoryWorkspace"/>), or null to work on disk.</summary>
    public Plugins.TmpfsWorkspace.TmpfsWorkspaceSettings? InMemoryWorkspace { get; init; }

    /// <summary>The directory the image and its companions are written to.</summary>
    public required string OutputDirectory { get; init; }

    public ArchitectureProfile Architecture => Platform.Architecture;

    /// <summary>The build host's architecture (<c>uname -m</c>).</summary>
    public required string HostMachine { get; init; }

    /// <summary>The image's programs do not run natively on the build host: the build runs them under qemu-user.</summary>
    public bool RunsUnderEmulation => !Architecture.RunsNativelyOn(HostMachine);

    public bool HasPlugin(string name) => Plugins.Any(p => p.Name == name);

    /// <summary>The settings record of type <typeparamref name="T"/> (one extension binds it).</summary>
    public T SettingsOf<T>()
        where T : class => Settings.Get<T>();

    /// <summary>The settings record the extension named <paramref name="extensionName"/> bound (for plugin classes used under several names).</summary>
    public T SettingsOf<T>(string extensionName)
        where T : class =>
        Settings.For(extensionName) as T ?? throw new InvalidOperationException($"the extension `{extensionName}` has no settings of type {typeof(T).Name} in this build");

    public DiskLayout RequireLayout() => Layout ?? throw new InvalidOperationException("this build writes no disk, so it has no disk layout");
}
