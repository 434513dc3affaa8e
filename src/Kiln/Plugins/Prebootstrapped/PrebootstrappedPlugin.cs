using Kiln.Caching;
using Kiln.Common.Bootstrap;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>
/// bootstrap-vz's prebootstrapped plugin, for Kiln's way of building: the tree right after the OS
/// installation is saved in a folder on the first build and copied from there by later builds, as long as
/// it is exactly what they would bootstrap (same packages, sources, apt settings, bootstrapper) and the
/// archives' package indexes have not changed since.
/// </summary>
public sealed class PrebootstrappedPlugin : Plugin<PrebootstrappedSettings>
{
    public const string PluginName = "prebootstrapped";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin prebootstrapped", typeof(PrebootstrappedPlugin).Assembly, "Plugins/Prebootstrapped/manifest-schema.yml");

    public override PrebootstrappedSettings Bind(SettingsSection section) => PrebootstrappedSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, PrebootstrappedSettings settings)
    {
        if (settings.RefusedKeys.Contains("image"))
        {
            yield return settings.Where.ErrorAt("image",
                "`image` named a copy of bootstrap-vz's loopback volume to start from; Kiln bootstraps into a directory and writes the disk at the end, so it saves and reuses that directory: use `folder` (or leave it out for WORKSPACE/prebootstrapped)");
        }

        if (settings.RefusedKeys.Contains("snapshot"))
        {
            yield return settings.Where.ErrorAt("snapshot",
                "`snapshot` named an EBS snapshot of bootstrap-vz's ec2 provider; Kiln saves and reuses the bootstrapped directory instead: use `folder` (or leave it out for WORKSPACE/prebootstrapped)");
        }

        if (TreeStore.Problem(settings.Folder(spec.Manifest)) is { } problem)
        {
            yield return settings.Where.ErrorAt("folder", problem);
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, PrebootstrappedSettings settings)
    {
        tasks.Remove<BootstrapSystem>();
        tasks.Add<BootstrapOrReuseSavedTree>();
    }
}
