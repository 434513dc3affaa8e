using System.Text.RegularExpressions;

namespace Kiln.Plugins.Debconf;

/// <summary>
/// Reads debconf-set-selections(1) input as that tool does (blank lines and # comments skipped, a trailing
/// backslash joins the next line, the value is the rest of the line) and checks what it would only warn
/// about or take silently: unknown types, booleans that are neither true nor false, questions without a
/// package part, and several selections folded into one line.
/// </summary>
public static partial class DebconfText
{
    /// <summary>debconf's question types, and the one flag debconf-set-selections sets the same way.</summary>
    public static readonly IReadOnlyList<string> Types = ["boolean", "error", "multiselect", "note", "password", "select", "string", "text", "title", "seen"];

    private const string FoldedHint = "; it looks like several selections joined into one line, which is what YAML's folded `>` style does: write the text as a `|` block";

    public static (IReadOnlyList<DebconfSelection> Selections, IReadOnlyList<DebconfProblem> Problems) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var selections = new List<DebconfSelection>();
        var problems = new List<DebconfProblem>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var index = 0; index < lines.Count; index++)
        {
            var first = index;
            var line = lines[index];
            while (line.EndsWith('\\') && index + 1 < lines.Count)
            {
                line = line[..^1] + lines[++index];
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (Check(line, first, problems) is { } selection)
            {
                selections.Add(selection);
            }
        }

        return (selections, problems);
    }

    private static DebconfSelection? Check(string line, int number, List<DebconfProblem> problems)
    {
        var match = SelectionLine().Match(line);
        if (!match.Success)
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
            problems.Add(new DebconfProblem(number, line.Length - line.TrimStart().Length,
                $"a selection is `owner question type value`, but this line has {fields} field{(fields == 1 ? string.Empty : "s")}"));
            return null;
        }

        var (question, type, value) = (match.Groups["question"], match.Groups["type"], match.Groups["value"]);
        var problem = (string?)null;
        var column = value.Success ? value.Index : line.Length;
        if (!question.Value.Contains('/', StringComparison.Ordinal))
        {
            (problem, column) = ($"`{question.Value}` is no question name; debconf's look like package/question", question.Index);
        }
        else if (!Types.Contains(type.Value, StringComparer.Ordinal))
        {
            (problem, column) = ($"`{type.Value}` is not a debconf type; use one of {string.Join(", ", Types)}", type.Index);
        }
        else if (type.Value is "boolean" or "seen" && value.Value is not ("true" or "false"))
        {
            problem = $"a {type.Value} takes true or false, not `{value.Value}`{(JoinedSelection().IsMatch(value.Value) ? FoldedHint : string.Empty)}";
        }
        else if (JoinedSelection().IsMatch(value.Value))
        {
            problem = $"the value `{value.Value}`{FoldedHint}";
        }

        if (problem is not null)
        {
            problems.Add(new DebconfProblem(number, column, problem));
            return null;
        }

        return new DebconfSelection(match.Groups["owner"].Value, question.Value, type.Value, value.Value);
    }

    [GeneratedRegex(@"^\s*(?<owner>\S+)\s+(?<question>\S+)\s+(?<type>\S+)(?:\s(?<value>.*))?$")]
    private static partial Regex SelectionLine();

    /// <summary>The start of another selection inside a value: a word, a package/question name and a type.</summary>
    [GeneratedRegex(@"(^|\s)\S+\s+\S+/\S+\s+(boolean|multiselect|note|password|select|string|text|title|seen)(\s|$)")]
    private static partial Regex JoinedSelection();
}
