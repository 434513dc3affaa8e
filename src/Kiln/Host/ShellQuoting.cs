using System.Text;

namespace Kiln.Host;

/// <summary>POSIX shell quoting, so that a logged command can be pasted into a shell as is.</summary>
public static class ShellQuoting
{
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsSafe))
        {
            return argument;
        }

        var builder = new StringBuilder("'");
        foreach (var character in argument)
        {
            builder.Append(character == '\'' ? "'\\''" : character.ToString());
        }

        return builder.Append('\'').ToString();
    }

    public static string Join(IEnumerable<string> argv) => string.Join(' ', argv.Select(Quote));

    private static bool IsSafe(char character) =>
        char.IsAsciiLetterOrDigit(character) || "-_./=:,+@%".Contains(character, StringComparison.Ordinal);
}
