using System.Text;
using Kiln.Common;

namespace Kiln.Plugins.CloudInit;

/// <summary>
/// The plugin's /etc/cloud/cloud.cfg.d file. The package's cloud.cfg stays untouched (upgrades replace it
/// cleanly); settings here are merged over it, and a module list here replaces the package's list.
/// </summary>
public static class CloudInitDropIn
{
    public const string PathInImage = "/etc/cloud/cloud.cfg.d/90_kiln.cfg";

    /// <summary>The sudo rule bootstrap-vz gave the default user (Debian's package gives the same today).</summary>
    public const string SudoRule = "ALL=(ALL) NOPASSWD:ALL";

    public static string Render(CloudInitSettings settings, CloudConfig packageConfig, IReadOnlyDictionary<string, IReadOnlyList<ModuleEntry>> changedLists)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(packageConfig);
        ArgumentNullException.ThrowIfNull(changedLists);
        var text = new StringBuilder(ImageFiles.Asset<CloudInitPlugin>("Plugins/CloudInit/assets/header.cfg"));
        // bootstrap-vz's Debian settings: /etc/hosts follows the host name cloud-init sets.
        text.Append("manage_etc_hosts: true\n");
        text.Append("system_info:\n  default_user:\n");
        text.Append($"    name: {settings.Username}\n");
        if (settings.Groups.Count > 0)
        {
            var groups = packageConfig.DefaultGroups.Concat(settings.Groups).Distinct(StringComparer.Ordinal);
            text.Append($"    groups: [{string.Join(", ", groups)}]\n");
        }

        text.Append($"    sudo: [\"{SudoRule}\"]\n");
        text.Append("    shell: /bin/bash\n");
        if (settings.MetadataSources.Count > 0)
        {
            // ds-identify reads this key too, and only in this one-line form.
            text.Append($"datasource_list: [{string.Join(", ", settings.MetadataSources)}]\n");
        }

        foreach (var section in CloudConfig.Sections.Where(changedLists.ContainsKey))
        {
            text.Append(section).Append(":\n");
            foreach (var entry in changedLists[section])
            {
                text.Append(" - ").Append(entry.Render()).Append('\n');
            }
        }

        return text.ToString();
    }
}
