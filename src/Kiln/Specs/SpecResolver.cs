using Kiln.Disks;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Platforms;
using Newtonsoft.Json.Linq;

namespace Kiln.Specs;

/// <summary>
/// The resolve step: turns a manifest document that passed the schemas into the immutable <see cref="BuildSpec"/>.
/// The core sections are bound, every extension binds its settings once, the platform is chosen, the disk
/// layout is computed with its UUIDs and the outputs are declared. Problems are added to the error list.
/// </summary>
public static class SpecResolver
{
    public static BuildSpec Resolve(ManifestDocument document, ExtensionRegistry registry, DateTimeOffset buildTime, ResolveOptions options, ICollection<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var root = (JObject)document.Root;
        var manifest = ManifestBinder.Bind(document, buildTime, errors);
        if (options.Workspace is { } workspace)
        {
            manifest = manifest with { Bootstrapper = manifest.Bootstrapper with { Workspace = Path.GetFullPath(workspace) } };
        }

        var provider = registry.FindProvider(manifest.Provider.Name)
            ?? throw new InvalidOperationException($"the provider {manifest.Provider.Name} was not checked before resolving");
        var plugins = manifest.PluginNames.Order(StringComparer.Ordinal)
            .Select(name => registry.FindPlugin(name) ?? throw new InvalidOperationException($"the plugin {name} was not checked before resolving"))
            .ToList();

        var settings = new ExtensionSettings();
        var providerSettings = provider.BindSettings(new SettingsSection(document, root["provider"], "provider"));
        settings.Add(provider.Name, providerSettings);
        foreach (var plugin in plugins)
        {
            var section = (root["plugins"] as JObject)?[plugin.Name];
            settings.Add(plugin.Name, plugin.BindSettings(new SettingsSection(document, section, $"plugins.{plugin.Name}")));
        }

        var architecture = Architectures.Find(manifest.System.Architecture) ?? Architectures.Amd64;
        var profile = provider.Profile(providerSettings, architecture);
        var platform = PlatformResolver.Choose(manifest, architecture, profile, document, errors);
        var epoch = SourceDateEpoch.Choose(options.SourceDateEpoch, manifest.Bootstrapper.SourceDateEpoch);
        var ids = options.NewUuid is { } next ? DiskIdentifiers.Sequence(next) : DiskIdentifiers.DerivedFrom(IdentifierSeed(root, manifest, epoch));
        var layout = profile.WritesDisk ? DiskLayoutCalculator.Calculate(manifest.Volume, platform.BootChain.LayoutNeeds(platform), ids) : null;
        var outputDirectory = Path.GetFullPath(options.OutputDirectory ?? manifest.Bootstrapper.Workspace);
        var treeCache = (manifest.Bootstrapper.Cache ? options.TreeCache : null) ?? options.RunTrees;
        return new BuildSpec
        {
            Manifest = manifest,
            Provider = provider,
            Plugins = plugins,
            Settings = settings,
            ProviderProfile = profile,
            Platform = platform,
            Layout = layout,
            Outputs = new BuildOutputs(
            [
                .. provider.DeclareOutputs(providerSettings, manifest, layout, outputDirectory),
                .. plugins.SelectMany(plugin => plugin.DeclareOutputs(settings.For(plugin.Name)!, manifest, outputDirectory)),
            ]),
            SourceDateEpoch = epoch,
            Values = ManifestValues.From(root, manifest.Name),
            OutputDirectory = outputDirectory,
            HostMachine = options.HostMachine,
            TreeCache = treeCache,
            InMemoryWorkspace = Plugins.TmpfsWorkspace.InMemoryWorkspace.Decide(
                manifest.Bootstrapper, keepsTree: KeepsTreeInFolder(manifest), hasTmpfsPlugin: manifest.PluginNames.Contains(Plugins.TmpfsWorkspace.TmpfsWorkspacePlugin.PluginName), layout?.TotalSize, options.AvailableMemory),
        };
    }

    /// <summary>
    /// Whether the build's own directory must stay on disk because its new tree is renamed into the prebootstrapped
    /// plugin's folder. A build with a store of trees (the cache, a run's store) works in memory when the host has it:
    /// a miss bootstraps straight into the store through a bind mount, and the root is layered on the stored tree.
    /// </summary>
    private static bool KeepsTreeInFolder(Manifest manifest) =>
        manifest.PluginNames.Contains(Plugins.Prebootstrapped.PrebootstrappedPlugin.PluginName);

    /// <summary>
    /// What the disk's identifiers derive from: <c>volume.uuid_seed</c>, else the manifest's <c>name</c> as written
    /// (before its fields are filled, so a date in the name changes nothing) and the epoch known now. The mirror's
    /// date is not part of it: resolving reads no network, and the layout is computed here, once.
    /// </summary>
    public static string IdentifierSeed(JObject root, Manifest manifest, SourceDateEpoch? epoch)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Volume.UuidSeed ?? $"{(string?)root["name"]}\n{epoch?.Text}";
    }
}
