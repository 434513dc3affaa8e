using System.Text;

namespace Kiln.Plugins.Ansible;

/// <summary>
/// The inventory ansible-playbook gets: one host, the image, reached through Ansible's chroot connection,
/// named after the image's hostname and listed in each of the manifest's groups.
/// </summary>
public static class AnsibleInventory
{
    public const string Connection = "community.general.chroot";

    public static string Render(string hostName, string root, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var host = $"{hostName} ansible_connection={Connection} ansible_host=\"{root}\" ansible_python_interpreter=/usr/bin/python3\n";
        var text = new StringBuilder("# Written by Kiln: the image's root tree, reached through Ansible's chroot connection.\n");
        if (groups.Count == 0)
        {
            text.Append(host);
        }

        foreach (var group in groups)
        {
            text.Append('[').Append(group).Append("]\n").Append(host);
        }

        return text.ToString();
    }
}
