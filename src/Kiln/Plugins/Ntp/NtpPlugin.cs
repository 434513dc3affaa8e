using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Ntp;

/// <summary>
/// bootstrap-vz's ntp plugin: a time synchronisation daemon, optionally with the manifest's servers only.
/// Kiln installs chrony, Debian's NTP daemon of choice for machines that are switched off and on.
/// </summary>
public sealed class NtpPlugin : Plugin<NtpSettings>
{
    public const string PluginName = "ntp";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin ntp", typeof(NtpPlugin).Assembly, "Plugins/Ntp/manifest-schema.yml");

    public override NtpSettings Bind(SettingsSection section) => NtpSettings.Bind(section);

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, NtpSettings settings) => tasks.Add<AddChronyPackage>().Add<ConfigureChrony>();
}
