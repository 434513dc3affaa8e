using System.Text;
using Kiln.Specs;

namespace Kiln.Plugins.Commands;

/// <summary>
/// Fills in a command part as bootstrap-vz's Python str.format did: <c>{root}</c>, <c>{apt_mirror}</c>,
/// <c>{apt_security}</c>, any manifest value such as <c>{system.release}</c>, and the <c>{%Y}</c>-style date
/// fields of the build's start; <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
public sealed class CommandTemplate
{
    private readonly ManifestValues _values;
    private readonly DateTimeOffset _time;
    private readonly Dictionary<string, string> _fields;

    public CommandTemplate(ManifestValues values, DateTimeOffset buildTime, string root, string aptMirror, string aptSecurity)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
        _time = buildTime;
        _fields = new(StringComparer.Ordinal) { ["root"] = root, ["apt_mirror"] = aptMirror, ["apt_security"] = aptSecurity };
    }

    /// <summary>Renders a part; each field that cannot be filled is added to <paramref name="problems"/>.</summary>
    public string Render(string part, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(problems);
        var output = new StringBuilder();
        for (var index = 0; index < part.Length; index++)
        {
            var character = part[index];
            if (character is '{' or '}' && index + 1 < part.Length && part[index + 1] == character)
            {
                output.Append(character);
                index++;
            }
            else if (character == '}')
            {
                problems.Add("a single `}` has no `{`; write `}}` for a literal brace (e.g. `${{HOME}}` for the shell's ${HOME})");
                return output.ToString();
            }
            else if (character == '{')
            {
                var close = part.IndexOf('}', index);
                if (close < 0)
                {
                    problems.Add("a `{` has no closing `}`; write `{{` for a literal brace");
                    return output.ToString();
                }

                output.Append(Field(part[(index + 1)..close], problems));
                index = close;
            }
            else
            {
                output.Append(character);
            }
        }

        return output.ToString();
    }

    private string Field(string field, ICollection<string> problems)
    {
        var fieldProblems = new List<string>();
        var value = field.Length > 0 && !field.Contains('{', StringComparison.Ordinal)
            ? _values.Render("{" + field + "}", _time, _fields, fieldProblems)
            : null;
        if (value is null || fieldProblems.Count > 0)
        {
            problems.Add($"`{{{field}}}` is not a single value Kiln can fill in; use {{root}}, {{apt_mirror}}, {{apt_security}}, a manifest value such as {{system.release}}, or a date field such as {{%Y}}; write {{{{ and }}}} for literal braces");
            return string.Empty;
        }

        return value;
    }
}
