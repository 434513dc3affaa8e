using Kiln.Manifests;

namespace Kiln.Plugins.Debconf;

/// <summary>
/// Places a problem of the debconf text in the manifest file. In a literal block (<c>|</c>) every line of the
/// text is a line of the file, so the problem gets its exact line and column; a one-line value gets its
/// column; otherwise the problem is reported at the value with the line of the text it is on.
/// </summary>
public static class DebconfTextLocations
{
    /// <param name="file">The manifest file's path.</param>
    /// <param name="sourceText">The manifest's text, when known.</param>
    /// <param name="start">Where the debconf value starts.</param>
    /// <param name="text">The debconf text.</param>
    /// <param name="problem">The problem in the text.</param>
    public static ManifestError ErrorAt(string file, string? sourceText, SourceLocation start, string text, DebconfProblem problem)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(problem);
        // Only YAML positions point at the first character of a value (Json.NET's point behind it).
        var isYaml = !file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var sourceLines = isYaml ? sourceText?.Split('\n') : null;
        var indicator = sourceLines is not null && start.Line <= sourceLines.Length && start.Column <= sourceLines[start.Line - 1].Length
            ? sourceLines[start.Line - 1][start.Column - 1]
            : '\0';
        if (indicator == '|' && sourceLines is not null && start.Line + problem.Line < sourceLines.Length)
        {
            var indentation = BlockIndentation(sourceLines, start.Line);
            return new ManifestError(start with { Line = start.Line + 1 + problem.Line, Column = indentation + problem.Column + 1 }, problem.Message);
        }

        // A double-quoted value with escapes is shorter than its source, so its columns would be off.
        var escaped = indicator == '"' && sourceLines![start.Line - 1].Contains('\\', StringComparison.Ordinal);
        if (!text.Contains('\n', StringComparison.Ordinal) && indicator is not ('>' or '\0') && !escaped)
        {
            var quote = indicator is '"' or '\'' ? 1 : 0;
            return new ManifestError(start with { Column = start.Column + quote + problem.Column }, problem.Message);
        }

        return new ManifestError(start, $"line {problem.Line + 1} of the debconf text: {problem.Message}");
    }

    /// <summary>The indentation of a block scalar's content: that of its first line with text.</summary>
    private static int BlockIndentation(string[] sourceLines, int indicatorLine)
    {
        var first = sourceLines.Skip(indicatorLine).FirstOrDefault(line => line.Trim().Length > 0) ?? string.Empty;
        return first.Length - first.TrimStart(' ').Length;
    }
}
