using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.OpenNebula;

/// <summary>
/// bootstrap-vz's opennebula plugin: OpenNebula's contextualization, which configures the network, the host
/// name and SSH keys from the context the VM is given. Debian's opennebula-context package is long gone;
/// Kiln installs its successor one-context from the vendor's apt repository.
/// </summary>
public sealed class OpenNebulaPlugin : Plugin<OpenNebulaSettings>
{
    public const string PluginName = "opennebula";

    public const string Package = "one-context";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin opennebula", typeof(OpenNebulaPlugin).Assembly, "Plugins/OpenNebula/manifest-schema.yml");

    public override OpenNebulaSettings Bind(SettingsSection section) => OpenNebulaSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, OpenNebulaSettings settings) =>
        VendorRepositoryChecks.Check(spec.Manifest, settings, PluginName, "OpenNebula's context package (one-context)");

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, OpenNebulaSettings settings) =>
        tasks.Add(new AddVendorRepository(PluginName, [Package])).Add<HandNetworkToContext>();
}
