namespace Kiln.Host;

/// <summary>A command exited with a non-zero code; the message carries the masked command line and its last output.</summary>
public sealed class CommandFailedException : KilnException
{
    public CommandFailedException(CommandResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    public CommandResult Result { get; }

    private static string Describe(CommandResult result)
    {
        var masker = new SecretMasker(result.Command.Secrets);
        var output = string.Join('\n', Tail(result.StandardError, 8).Concat(Tail(result.StandardOutput, result.StandardError.Length > 0 ? 0 : 8)));
        var text = $"`{masker.Mask(result.Command.ToString())}` failed with exit code {result.ExitCode}";
        return output.Length == 0 ? text : $"{text}:\n{masker.Mask(output)}";
    }

    private static IEnumerable<string> Tail(string text, int lines) =>
        lines == 0 ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines);
}
