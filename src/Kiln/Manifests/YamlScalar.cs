using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Manifests;

/// <summary>
/// Gives plain YAML scalars their type the way PyYAML (and so bootstrap-vz) did: YAML 1.1 booleans
/// such as <c>yes</c> and <c>off</c>, integers, floats and null; everything else stays a string.
/// </summary>
internal static partial class YamlScalar
{
    private static readonly HashSet<string> TrueWords = new(StringComparer.Ordinal) { "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" };
    private static readonly HashSet<string> FalseWords = new(StringComparer.Ordinal) { "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" };
    private static readonly HashSet<string> NullWords = new(StringComparer.Ordinal) { string.Empty, "~", "null", "Null", "NULL" };

    public static object? Resolve(string text)
    {
        if (NullWords.Contains(text))
        {
            return null;
        }

        if (TrueWords.Contains(text))
        {
            return true;
        }

        if (FalseWords.Contains(text))
        {
            return false;
        }

        if (DecimalInteger().IsMatch(text) && long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (Float().IsMatch(text) && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return text;
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*)$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")]
    private static partial Regex Float();
}
