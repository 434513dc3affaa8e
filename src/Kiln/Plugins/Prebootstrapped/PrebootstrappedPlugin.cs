using Kiln.Common.Bootstrap;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>
/// bootstrap-vz's prebootstrapped plugin, for Kiln's way of building: the tree right after the OS
/// installation is saved in a folder on the first build and copied from there by later builds, as long as
/// it is exactly what they would bootstrap (same packages, sources, apt settings, bootstrapper) and the
/// archives' package indexes have not changed since.
/// </summary>
public sealed class PrebootstrappedPlugin : IPlugin
{
    public const string PluginName = "prebootstrapped";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin prebootstrapped", typeof(PrebootstrappedPlugin).Assembly, "Plugins/Prebootstrapped/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = manifest.Document;
        var settingsToken = document.Root.SelectToken("plugins.prebootstrapped");
        if (settingsToken?["image"] is { } image)
        {
            yield return document.ErrorAt(image,
                "`image` named a copy of bootstrap-vz's loopback volume to start from; Kiln bootstraps into a directory and writes the disk at the end, so it saves and reuses that directory: use `folder` (or leave it out for WORKSPACE/prebootstrapped)");
        }

        if (settingsToken?["snapshot"] is { } snapshot)
        {
            yield return document.ErrorAt(snapshot,
                "`snapshot` named an EBS snapshot of bootstrap-vz's ec2 provider; Kiln saves and reuses the bootstrapped directory instead: use `folder` (or leave it out for WORKSPACE/prebootstrapped)");
        }

        if (SavedTreeFolder.Problem(PrebootstrappedSettings.From(manifest).Folder) is { } problem)
        {
            yield return document.ErrorAt(settingsToken?["folder"] ?? settingsToken, problem);
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Remove<BootstrapSystem>();
        tasks.Add<BootstrapOrReuseSavedTree>();
    }
}
