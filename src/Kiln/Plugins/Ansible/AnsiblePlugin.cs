using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Ansible;

/// <summary>
/// bootstrap-vz's ansible plugin: runs a playbook with the host's ansible-playbook against the image's root
/// tree through Ansible's chroot connection.
/// </summary>
public sealed class AnsiblePlugin : Plugin<AnsibleSettings>
{
    public const string PluginName = "ansible";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin ansible", typeof(AnsiblePlugin).Assembly, "Plugins/Ansible/manifest-schema.yml");

    public override AnsibleSettings Bind(SettingsSection section) => AnsibleSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, AnsibleSettings settings)
    {
        var playbook = settings.Playbook;
        if (Directory.Exists(playbook))
        {
            yield return settings.Where.ErrorAt("playbook", $"the playbook {playbook} is a directory; name the playbook file in it");
        }
        else if (!File.Exists(playbook))
        {
            yield return settings.Where.ErrorAt("playbook", $"the playbook {playbook} does not exist");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, AnsibleSettings settings) =>
        tasks.Add<AddAnsiblePython>().Add<RunAnsiblePlaybook>();
}
