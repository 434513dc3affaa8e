using Kiln.VirtualMachines;

namespace Kiln.Cli.Output;

/// <summary>
/// The end of a guest's serial console as an error shows it: the last lines, without carriage returns, and without
/// the guest's colors and cursor moves unless they go to a terminal (a log or CI output gets plain text).
/// </summary>
public static class SerialConsoleTail
{
    public const int Lines = 15;

    public static string Render(string transcript, bool toTerminal)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var text = toTerminal ? transcript : AnsiText.Strip(transcript);
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n').Split('\n').TakeLast(Lines);
        return $"last lines of the serial console:\n{string.Join('\n', lines)}";
    }
}
