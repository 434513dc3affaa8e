using System.Text;
using Kiln.Cli.Output;
using Shouldly;

namespace Kiln.Cli.Tests.Output;

/// <summary>The serial console in <c>kiln test</c>'s failure output: plain text when it goes to a file or a pipe, as the guest wrote it on a terminal.</summary>
public sealed class SerialConsoleTailTests
{
    // What a systemd boot and a failed login look like on a serial console: colors, cursor moves, a bell, CR LF.
    private static readonly string Transcript = string.Concat(Enumerable.Range(1, 20).Select(i => $"[\u001b[0;32m  OK  \u001b[0m] Started \u001b[0;1;39munit-{i}.service\u001b[0m\r\n"))
        + "\u001b[?1h\u001b=\u001b[KDebian GNU/Linux 13 debian ttyS0\r\n\r\ndebian login: root\r\nPassword: \u0007\r\nLogin incorrect\r\n";

    [Fact]
    public void Off_a_terminal_the_last_lines_are_plain_text()
    {
        var text = new StringBuilder();
        text.Append("--- to a file or a pipe\n").Append(SerialConsoleTail.Render(Transcript, toTerminal: false)).Append('\n');
        text.Append("--- to a terminal (escapes shown as \\e)\n").Append(SerialConsoleTail.Render(Transcript, toTerminal: true).Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\u0007", "\\a", StringComparison.Ordinal)).Append('\n');

        Golden.Verify(text.ToString());
    }

    [Fact]
    public void Nothing_but_text_tabs_and_newlines_is_left_off_a_terminal() =>
        SerialConsoleTail.Render(Transcript, toTerminal: false).ShouldAllBe(c => c == '\n' || c == '\t' || !char.IsControl(c));
}
