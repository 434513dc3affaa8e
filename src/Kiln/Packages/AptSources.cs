namespace Kiln.Packages;

/// <summary>The apt sources of the image: the main sources.list and named files in sources.list.d.</summary>
public sealed class AptSources
{
    private readonly List<AptSourceLine> _main = [];
    private readonly Dictionary<string, List<AptSourceLine>> _files = new(StringComparer.Ordinal);

    /// <summary>The lines of /etc/apt/sources.list.</summary>
    public IReadOnlyList<AptSourceLine> Main => _main;

    /// <summary>Files of /etc/apt/sources.list.d by name (without the .list suffix).</summary>
    public IReadOnlyDictionary<string, List<AptSourceLine>> Files => _files;

    public IEnumerable<AptSourceLine> All => _main.Concat(_files.Values.SelectMany(lines => lines));

    public void AddMain(AptSourceLine line) => _main.Add(line);

    public void AddToFile(string name, AptSourceLine line)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.EndsWith(".list", StringComparison.Ordinal) ? name[..^5] : name;
        if (!_files.TryGetValue(key, out var lines))
        {
            lines = [];
            _files[key] = lines;
        }

        lines.Add(line);
    }

    public static string Render(IEnumerable<AptSourceLine> lines) => string.Concat(lines.Select(line => line + "\n"));
}
