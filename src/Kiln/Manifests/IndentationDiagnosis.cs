using System.Globalization;

namespace Kiln.Manifests;

/// <summary>
/// Explains a YAML syntax error caused by indentation in words, at the line of the offending key: YamlDotNet
/// reports such errors at the end of the value before it, in its parser's terms. Pure; used only after the
/// parser has failed.
/// </summary>
public static class IndentationDiagnosis
{
    /// <summary>The first indentation mistake at or before <paramref name="errorLine"/> + 1, as (line, column, message).</summary>
    public static (int Line, int Column, string Message)? Find(string text, int errorLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var levels = new Stack<(int Indent, int Line)>();
        Line? previous = null;
        var blockScalarIndent = -1;
        var openBrackets = 0;
        for (var index = 0; index < lines.Length && index <= errorLine; index++)
        {
            var line = Line.Read(lines[index], index + 1);
            if (line is null)
            {
                continue;
            }

            if (blockScalarIndent >= 0)
            {
                if (line.Indent > blockScalarIndent)
                {
                    continue;
                }

                blockScalarIndent = -1;
            }

            if (openBrackets > 0)
            {
                openBrackets += line.BracketBalance;
                continue;
            }

            if (previous is null)
            {
                levels.Push((line.Indent, line.Number));
            }
            else if (line.Indent > levels.Peek().Indent)
            {
                if (!previous.OpensBlock && !(previous.IsDash && line.Indent == previous.Indent + 2))
                {
                    return (line.Number, line.Indent + 1,
                        $"{line.Subject} is indented more than {previous.Subject} on line {previous.Number}, which already has a value; indent it by {previous.KeyIndent} spaces to make it a sibling, or nest it under a key that ends with `:`");
                }

                levels.Push((line.Indent, line.Number));
            }
            else if (line.Indent < levels.Peek().Indent)
            {
                var inner = levels.Peek();
                while (levels.Count > 1 && levels.Peek().Indent > line.Indent)
                {
                    inner = levels.Pop();
                }

                if (levels.Peek().Indent != line.Indent)
                {
                    return (line.Number, line.Indent + 1,
                        $"{line.Subject} is indented by {line.Indent} spaces, which lines it up with no key above it: the keys from line {inner.Line} are indented by {inner.Indent}, the ones around them by {levels.Peek().Indent}; indent it like the keys it belongs with");
                }
            }

            if (line.IsDash && line.HasContentAfterDash)
            {
                // The mapping inside a list item starts after "- ".
                levels.Push((line.Indent + 2, line.Number));
            }

            if (line.StartsBlockScalar)
            {
                blockScalarIndent = line.Indent;
            }

            openBrackets = Math.Max(0, line.BracketBalance);
            previous = line;
        }

        return null;
    }

    /// <summary>One line that carries YAML content (not blank, not only a comment).</summary>
    private sealed record Line(int Number, int Indent, string Content)
    {
        public bool IsDash => Content == "-" || Content.StartsWith("- ", StringComparison.Ordinal);

        public bool HasContentAfterDash => Content.Length > 2 && Content[2..].Trim().Length > 0;

        private string Body => IsDash ? Content[1..].Trim() : Content;

        /// <summary>A key with nothing after its colon: what follows, indented, is its value.</summary>
        public bool OpensBlock => Body.EndsWith(':') || (IsDash && Body.Length == 0);

        public bool StartsBlockScalar => Body.EndsWith('|') || Body.EndsWith('>') || Body.EndsWith("|-", StringComparison.Ordinal)
            || Body.EndsWith(">-", StringComparison.Ordinal) || Body.EndsWith("|+", StringComparison.Ordinal) || Body.EndsWith(">+", StringComparison.Ordinal);

        public int BracketBalance => Body.Count(c => c is '[' or '{') - Body.Count(c => c is ']' or '}');

        public int KeyIndent => IsDash ? Indent + 2 : Indent;

        public string Subject
        {
            get
            {
                var colon = Body.IndexOf(": ", StringComparison.Ordinal);
                var key = colon > 0 ? Body[..colon] : Body.EndsWith(':') ? Body[..^1] : null;
                return key is null || key.Length == 0 || key.Length > 40
                    ? $"line {Number.ToString(CultureInfo.InvariantCulture)}"
                    : $"`{key}`";
            }
        }

        public static Line? Read(string text, int number)
        {
            var content = text.Trim();
            if (content.Length == 0 || content.StartsWith('#') || content is "---" or "...")
            {
                return null;
            }

            var comment = content.IndexOf(" #", StringComparison.Ordinal);
            if (comment > 0)
            {
                content = content[..comment].TrimEnd();
            }

            return new Line(number, text.Length - text.TrimStart(' ').Length, content);
        }
    }
}
