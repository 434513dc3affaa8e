using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>
/// Fills in an image name such as <c>debian-{system.release}-{%Y}{%m}{%d}</c>: <c>{a.b}</c> is the manifest
/// value at that path, <c>{%X}</c> a strftime field of the build's start time (UTC).
/// </summary>
public static class NameTemplate
{
    private static readonly Dictionary<char, Func<DateTimeOffset, string>> TimeFields = new()
    {
        ['Y'] = t => t.ToString("yyyy", CultureInfo.InvariantCulture),
        ['y'] = t => t.ToString("yy", CultureInfo.InvariantCulture),
        ['m'] = t => t.ToString("MM", CultureInfo.InvariantCulture),
        ['d'] = t => t.ToString("dd", CultureInfo.InvariantCulture),
        ['H'] = t => t.ToString("HH", CultureInfo.InvariantCulture),
        ['M'] = t => t.ToString("mm", CultureInfo.InvariantCulture),
        ['S'] = t => t.ToString("ss", CultureInfo.InvariantCulture),
        ['j'] = t => t.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
        ['a'] = t => t.ToString("ddd", CultureInfo.InvariantCulture),
        ['A'] = t => t.ToString("dddd", CultureInfo.InvariantCulture),
        ['b'] = t => t.ToString("MMM", CultureInfo.InvariantCulture),
        ['B'] = t => t.ToString("MMMM", CultureInfo.InvariantCulture),
        ['s'] = t => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Renders the template; every field that cannot be filled is reported as a problem.</summary>
    public static string Render(string template, JToken data, DateTimeOffset time, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(problems);
        var output = new StringBuilder();
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            if (open < 0)
            {
                output.Append(template, index, template.Length - index);
                break;
            }

            output.Append(template, index, open - index);
            if (open + 1 < template.Length && template[open + 1] == '{')
            {
                output.Append('{');
                index = open + 2;
                continue;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                problems.Add($"the name template has a `{{` at position {open + 1} without a closing `}}`");
                break;
            }

            output.Append(Field(template[(open + 1)..close], data, time, problems));
            index = close + 1;
        }

        return output.Replace("}}", "}").ToString();
    }

    private static string Field(string field, JToken data, DateTimeOffset time, ICollection<string> problems)
    {
        if (field.Length == 2 && field[0] == '%' && TimeFields.TryGetValue(field[1], out var format))
        {
            return format(time);
        }

        if (field.StartsWith('%'))
        {
            problems.Add($"the name template field `{{{field}}}` is not a date field; use one of {string.Join(" ", TimeFields.Keys.Select(k => $"{{%{k}}}"))}");
            return string.Empty;
        }

        JToken? value;
        try
        {
            value = data.SelectToken(field, errorWhenNoMatch: false);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Json.NET rejects what is no path at all (an open bracket ...); that is the user's typo, not a crash.
            value = null;
        }

        if (value is JValue { Value: not null } scalar)
        {
            return Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        problems.Add(value is null
            ? $"the name template field `{{{field}}}` names no value in the manifest; write a path such as {{system.release}}"
            : $"the name template field `{{{field}}}` is not a single value");
        return string.Empty;
    }
}
