namespace Kiln.Providers.Oracle.Publishing;

/// <summary>
/// The OCI CLI's and SDKs' configuration file (<c>~/.oci/config</c>): INI profiles of <c>key=value</c> lines,
/// <c>#</c> comments; a profile inherits what it does not set from <c>[DEFAULT]</c>, as the SDKs read it.
/// </summary>
public sealed class OciConfigFile
{
    public const string DefaultProfile = "DEFAULT";

    private readonly Dictionary<string, Dictionary<string, string>> _profiles;

    private OciConfigFile(Dictionary<string, Dictionary<string, string>> profiles) => _profiles = profiles;

    public IReadOnlyCollection<string> Profiles => _profiles.Keys;

    public static OciConfigFile Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!profiles.TryGetValue(name, out current))
                {
                    profiles[name] = current = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current is null || equals <= 0)
            {
                throw new UserInputException($"{origin}:{number}: `{line}` is neither a [PROFILE] line nor key=value in a profile; fix the OCI config file (oci setup config writes one)");
            }

            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return new OciConfigFile(profiles);
    }

    /// <summary>The profile's values with DEFAULT's beneath them, or null when the file has no such profile.</summary>
    public IReadOnlyDictionary<string, string>? Profile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var defaults = _profiles.GetValueOrDefault(DefaultProfile);
        if (!_profiles.TryGetValue(name, out var own))
        {
            return null;
        }

        var merged = new Dictionary<string, string>(defaults ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in own)
        {
            merged[key] = value;
        }

        return merged;
    }
}
