using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Salt;

/// <summary>
/// The files the salt plugin writes (pure text). Values are written as JSON scalars and flow lists, which
/// YAML reads as they are: a grain such as <c>yes</c> or <c>a: b</c> stays a string.
/// </summary>
public static partial class SaltMinionFiles
{
    /// <summary>Where salt-bootstrap's <c>-A master</c> put the master's address; the name is kept for those who look for it.</summary>
    public const string MasterPath = "/etc/salt/minion.d/99-master-address.conf";

    public const string GrainsPath = "/etc/salt/grains";

    /// <summary>The apt preferences file Salt's install guide names for pinning a version.</summary>
    public const string PinPath = "/etc/apt/preferences.d/salt-pin-1001";

    public static string Master(string master) =>
        $"# Written by Kiln (plugins.salt.master).\nmaster: {JsonConvert.ToString(master)}\n";

    public static string Grains(JObject grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var text = new StringBuilder("# Written by Kiln (plugins.salt.grains).\n");
        foreach (var grain in grains.Properties())
        {
            var key = PlainKey().IsMatch(grain.Name) ? grain.Name : JsonConvert.ToString(grain.Name);
            text.Append($"{key}: {Value(grain.Value)}\n");
        }

        return text.ToString();
    }

    private static string Value(JToken value) => value is JArray items
        ? $"[{string.Join(", ", items.Select(item => item.ToString(Formatting.None)))}]"
        : value.ToString(Formatting.None);

    public static string Pin(string version) => $"""
        Explanation: Written by Kiln: Salt stays at the version plugins.salt.version names.
        Package: salt-*
        Pin: version {version}
        Pin-Priority: 1001

        """;

    /// <summary>An apt version or a version pattern (<c>3007.1</c>, <c>3006.*</c>): what apt's Pin: version takes.</summary>
    public static bool IsVersionPattern(string version) => VersionPattern().IsMatch(version);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex PlainKey();

    [GeneratedRegex("^[0-9][0-9A-Za-z.+~:*-]*$")]
    private static partial Regex VersionPattern();
}
