namespace Kiln.Host;

/// <summary>
/// A command exited with a non-zero code. The message names the command briefly (the full, masked command
/// line is in the log) and carries the program's own last lines.
/// </summary>
public sealed class CommandFailedException : KilnException
{
    private const int ShownLength = 100;

    public CommandFailedException(CommandResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    public CommandResult Result { get; }

    /// <summary>The command as messages show it: what runs in the image without the chroot prefix, cut when long.</summary>
    public static string Brief(CommandLine command, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(masker);
        var argv = command.Argv;
        var inImage = argv.Count > 2 && Path.GetFileName(argv[0]) == "chroot";
        var text = masker.Mask(ShellQuoting.Join(inImage ? argv.Skip(2) : argv));
        text = text.Length <= ShownLength ? text : text[..(ShownLength - 1)] + "…";
        return inImage ? $"`{text}` (in the image)" : $"`{text}`";
    }

    private static string Describe(CommandResult result)
    {
        var masker = new SecretMasker(result.Command.Secrets);
        var output = string.Join('\n', Tail(result.StandardError, 8).Concat(Tail(result.StandardOutput, result.StandardError.Length > 0 ? 0 : 8)));
        var text = $"{Brief(result.Command, masker)} failed with exit code {result.ExitCode}";
        return output.Length == 0 ? text : $"{text}:\n{masker.Mask(output)}";
    }

    private static IEnumerable<string> Tail(string text, int lines) =>
        lines == 0 ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines);
}
