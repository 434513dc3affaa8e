using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Ansible;

/// <summary>
/// bootstrap-vz's ansible plugin: runs a playbook with the host's ansible-playbook against the image's root
/// tree through Ansible's chroot connection.
/// </summary>
public sealed class AnsiblePlugin : IPlugin
{
    public const string PluginName = "ansible";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin ansible", typeof(AnsiblePlugin).Assembly, "Plugins/Ansible/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var playbook = AnsibleSettings.From(manifest).Playbook;
        var token = manifest.Document.Root.SelectToken("plugins.ansible.playbook");
        if (Directory.Exists(playbook))
        {
            yield return manifest.Document.ErrorAt(token, $"the playbook {playbook} is a directory; name the playbook file in it");
        }
        else if (!File.Exists(playbook))
        {
            yield return manifest.Document.ErrorAt(token, $"the playbook {playbook} does not exist");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<AddAnsiblePython>().Add<RunAnsiblePlaybook>();
    }
}
