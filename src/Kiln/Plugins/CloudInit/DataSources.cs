namespace Kiln.Plugins.CloudInit;

/// <summary>cloud-init's data sources (bookworm's and trixie's cloud-init), for <c>metadata_sources</c>.</summary>
public static class DataSources
{
    public static readonly IReadOnlyList<string> Known =
    [
        "Akamai", "AliYun", "AltCloud", "Azure", "Bigstep", "CloudCIX", "CloudSigma", "CloudStack", "ConfigDrive",
        "DigitalOcean", "Ec2", "Exoscale", "GCE", "Hetzner", "IBMCloud", "LXD", "MAAS", "NWCS", "NoCloud", "None",
        "OVF", "OpenNebula", "OpenStack", "Oracle", "RbxCloud", "Scaleway", "SmartOS", "UpCloud", "VMware", "Vultr", "WSL",
    ];

    /// <summary>The names in bootstrap-vz's comma-separated value (debconf's multiselect format).</summary>
    public static IReadOnlyList<string> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Why a name is no data source cloud-init knows, or null.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Known.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        var spelled = Known.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
        return spelled is not null
            ? $"cloud-init spells the data source `{name}` as `{spelled}`"
            : $"`{name}` is not a cloud-init data source; known: {string.Join(", ", Known)}";
    }
}
