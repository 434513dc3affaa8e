using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Kiln.Tasks;

namespace Kiln.Plugins.OpenNebula;

/// <summary>
/// bootstrap-vz's opennebula plugin: OpenNebula's contextualization, which configures the network, the host
/// name and SSH keys from the context the VM is given. Debian's opennebula-context package is long gone;
/// Kiln installs its successor one-context from the vendor's apt repository.
/// </summary>
public sealed class OpenNebulaPlugin : IPlugin
{
    public const string PluginName = "opennebula";

    public const string Package = "one-context";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin opennebula", typeof(OpenNebulaPlugin).Assembly, "Plugins/OpenNebula/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest) =>
        VendorRepositoryChecks.Check(manifest, PluginName, "OpenNebula's context package (one-context)");

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add(new AddVendorRepository(PluginName, [Package])).Add<HandNetworkToContext>();
    }
}
