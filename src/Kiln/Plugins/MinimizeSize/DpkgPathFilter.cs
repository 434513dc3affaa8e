using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// dpkg's path-exclude and path-include rules, decided as dpkg decides them: the last rule whose glob matches a
/// path wins, a path no rule matches is kept, and <c>*</c> matches across <c>/</c> (fnmatch without FNM_PATHNAME).
/// </summary>
public sealed class DpkgPathFilter
{
    private readonly List<(bool Exclude, string Pattern, Regex Glob)> _rules = [];

    public IReadOnlyList<(bool Exclude, string Pattern)> Rules => [.. _rules.Select(r => (r.Exclude, r.Pattern))];

    /// <summary>Reads the rules of dpkg configuration texts, in order; other lines are not rules and are skipped.</summary>
    public static DpkgPathFilter Parse(IEnumerable<string> configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        var filter = new DpkgPathFilter();
        foreach (var line in configurations.SelectMany(text => text.Split('\n')).Select(l => l.Trim()))
        {
            if (line.StartsWith("path-exclude=", StringComparison.Ordinal))
            {
                filter.Add(exclude: true, line["path-exclude=".Length..]);
            }
            else if (line.StartsWith("path-include=", StringComparison.Ordinal))
            {
                filter.Add(exclude: false, line["path-include=".Length..]);
            }
        }

        return filter;
    }

    public bool IsExcluded(string path)
    {
        for (var index = _rules.Count - 1; index >= 0; index--)
        {
            if (_rules[index].Glob.IsMatch(path))
            {
                return _rules[index].Exclude;
            }
        }

        return false;
    }

    /// <summary>The directories below which the rules exclude anything: the fixed part of each exclude pattern.</summary>
    public IReadOnlyList<string> ExcludedTrees() =>
        [.. _rules.Where(r => r.Exclude).Select(r => FixedDirectory(r.Pattern)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private void Add(bool exclude, string pattern) => _rules.Add((exclude, pattern, GlobToRegex(pattern)));

    private static string FixedDirectory(string pattern)
    {
        var wildcard = pattern.IndexOfAny(['*', '?', '[']);
        var fixedPart = wildcard < 0 ? pattern : pattern[..wildcard];
        var slash = fixedPart.LastIndexOf('/');
        return slash <= 0 ? "/" : fixedPart[..slash];
    }

    private static Regex GlobToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            var c = pattern[index];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when pattern.IndexOf(']', index + 1) is var close and > 0:
                    var set = pattern[(index + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    index = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
