using System.Text.RegularExpressions;

namespace Kiln.VirtualMachines;

/// <summary>
/// The unfinished line a console program waits at. The kernel writes its messages to the same console at any
/// moment, also in the middle of a prompt (<c>Password: [  109.93] kvm_amd: ...</c>), so those messages are
/// taken out before the last line is read.
/// </summary>
public static partial class PendingLine
{
    /// <summary>The last unfinished line of <paramref name="output"/> after <paramref name="from"/>, without terminal controls and kernel messages.</summary>
    public static string Of(string output, int from)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = AnsiText.Strip(output[Math.Clamp(from, 0, output.Length)..]);
        text = KernelMessage().Replace(text, string.Empty);
        return text[(text.LastIndexOf('\n') + 1)..].Trim('\r');
    }

    // "[  109.934506] kvm_amd: Nested Virtualization enabled" up to and with its line end.
    [GeneratedRegex(@"\[\s*\d+\.\d+\] [^\n]*(\n|$)")]
    private static partial Regex KernelMessage();
}
