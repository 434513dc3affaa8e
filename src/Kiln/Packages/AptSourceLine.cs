using System.Text.RegularExpressions;

namespace Kiln.Packages;

/// <summary>One sources.list line: <c>deb [options] uri suite components...</c>.</summary>
public sealed partial record AptSourceLine(string Type, string Uri, string Suite, IReadOnlyList<string> Components, string? Options = null)
{
    public static AptSourceLine Parse(string line)
    {
        var match = LinePattern().Match(line.Trim());
        if (!match.Success)
        {
            throw new FormatException($"`{line}` is not a sources.list line (deb [options] uri suite [components])");
        }

        var components = match.Groups["components"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = match.Groups["options"].Success ? match.Groups["options"].Value.Trim() : null;
        return new AptSourceLine(match.Groups["type"].Value, match.Groups["uri"].Value, match.Groups["suite"].Value, components, string.IsNullOrEmpty(options) ? null : options);
    }

    public override string ToString()
    {
        var options = Options is null ? string.Empty : $" [{Options}]";
        var components = Components.Count == 0 ? string.Empty : " " + string.Join(' ', Components);
        return $"{Type}{options} {Uri} {Suite}{components}";
    }

    [GeneratedRegex(@"^(?<type>deb|deb-src)\s+(\[(?<options>[^\]]*)\]\s+)?(?<uri>\S+)\s+(?<suite>\S+)(\s+(?<components>.*\S))?\s*$")]
    private static partial Regex LinePattern();
}
