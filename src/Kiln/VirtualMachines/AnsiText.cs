using System.Text.RegularExpressions;

namespace Kiln.VirtualMachines;

/// <summary>Terminal control sequences removed from text (a serial console's colors and cursor moves), for logs and non-terminals.</summary>
public static partial class AnsiText
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escapes().Replace(text, string.Empty);
    }

    // CSI sequences (colors, cursor moves, erase), OSC strings, two-character escapes, and other C0 controls but tab, LF and CR.
    [GeneratedRegex(@"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_=>]|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]")]
    private static partial Regex Escapes();
}
