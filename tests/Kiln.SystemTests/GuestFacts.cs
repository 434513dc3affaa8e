namespace Kiln.SystemTests;

/// <summary>
/// Facts read inside a booted image: a shell script prints <c>key=value</c> lines, one per fact, and the
/// test asserts them by key.
/// </summary>
public static class GuestFacts
{
    /// <summary>The script that prints the facts; each entry is a key and the shell expression of its value.</summary>
    public static string Script(IEnumerable<(string Key, string Shell)> facts) =>
        string.Join("\n", facts.Select(f => $"echo \"{f.Key}=$({{ {f.Shell}; }} 2>&1 | tr '\\n' ' ' | sed 's/ *$//')\""));

    public static FactSheet Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n').Select(l => l.Trim()))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                facts[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return new FactSheet(facts, output);
    }

    /// <summary>Facts every Kiln kvm image must show, whatever its manifest.</summary>
    public static IEnumerable<(string Key, string Shell)> Common =>
    [
        ("codename", ". /etc/os-release; echo $VERSION_CODENAME"),
        ("hostname", "hostname"),
        ("root_fs", "findmnt -n -o FSTYPE /"),
        ("fstab_by_uuid", "grep -v '^#' /etc/fstab | grep -c '^UUID='"),
        ("fstab_lines", "grep -vc '^#' /etc/fstab"),
        ("cmdline", "cat /proc/cmdline"),
        ("serial_getty", "systemctl is-active serial-getty@ttyS0.service"),
        ("lo_ipv6", "grep -c ' lo$' /proc/net/if_inet6"),
        ("networkd", "systemctl is-active systemd-networkd.service"),
        ("ipv4_lease", "grep -c . /run/systemd/netif/leases/* 2>/dev/null | head -1 | cut -d: -f2"),
        ("machine_id_new", "journalctl -b -o cat | grep -c 'Initializing machine ID'"),
        ("apt_lists", "find /var/lib/apt/lists -maxdepth 1 -type f ! -name lock | wc -l"),
        ("policy_rc_d", "test -e /usr/sbin/policy-rc.d && echo present || echo absent"),
        ("failed_units", "systemctl --failed --no-legend --plain | wc -l"),
        ("bootstrap_settings", "ls /etc/dpkg/dpkg.cfg.d/99mmdebstrap /etc/apt/apt.conf.d/99mmdebstrap 2>/dev/null | wc -l"),
    ];
}
