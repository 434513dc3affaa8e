using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Ntp;

/// <summary>
/// bootstrap-vz's ntp plugin: a time synchronisation daemon, optionally with the manifest's servers only.
/// Kiln installs chrony, Debian's NTP daemon of choice for machines that are switched off and on.
/// </summary>
public sealed class NtpPlugin : IPlugin
{
    public const string PluginName = "ntp";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin ntp", typeof(NtpPlugin).Assembly, "Plugins/Ntp/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest) => [];

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddChronyPackage>().Add<ConfigureChrony>();
    }
}
