using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Ntp;

/// <summary>The ntp plugin's settings: the servers to use instead of Debian's pool (none: keep the pool).</summary>
public sealed record NtpSettings(IReadOnlyList<string> Servers)
{
    public static NtpSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var servers = section.Object["servers"] as JArray ?? [];
        return new NtpSettings([.. servers.Select(server => (string)server!)]);
    }
}
