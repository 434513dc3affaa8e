using Kiln.VirtualMachines;
using Shouldly;
using Xunit;

namespace Kiln.Tests.VirtualMachines;

/// <summary>The password prompt in any language, and console text without its terminal controls.</summary>
public sealed class PromptTests
{
    [Theory]
    [InlineData("Password: ")]
    [InlineData("Passwort: ")]
    [InlineData("Mot de passe : ")]
    [InlineData("Contraseña:")]
    [InlineData("Password for root: ")]
    [InlineData("パスワード：")]
    public void A_line_the_login_program_stops_at_with_a_colon_is_the_password_prompt(string line) =>
        BootTester.PasswordPrompt().IsMatch(line).ShouldBeTrue();

    [Theory]
    [InlineData("debian login: ")]
    [InlineData("gpt-example login:")]
    [InlineData("root")]
    [InlineData("")]
    public void The_login_prompt_and_the_echoed_user_are_not(string line) =>
        BootTester.PasswordPrompt().IsMatch(line).ShouldBeFalse();

    [Fact]
    public void Colors_cursor_moves_and_controls_are_stripped()
    {
        var text = "[\u001b[0;32m  OK  \u001b[0m] Started \u001b[0;1;39mssh.service\u001b[0m\r\n\u001bM\u001b[K\u001b[?1h\u001b=done\u0007\n";

        AnsiText.Strip(text).ShouldBe("[  OK  ] Started ssh.service\r\ndone\n");
    }

    [Fact]
    public void Kernel_messages_printed_into_the_password_prompt_leave_the_prompt_pending()
    {
        var console = "extlinux-example login: root\r\nPassword: [  109.934506] kvm_amd: Nested Virtualization enabled\r\n"
            + "[  109.935185] kvm_amd: Nested Paging disabled\r\n[  111.522296] powernow_k8: Power state transitions not supported\r\n";

        var pending = PendingLine.Of(console, "extlinux-example login: ".Length);

        pending.ShouldBe("Password: ");
        BootTester.PasswordPrompt().IsMatch(pending).ShouldBeTrue();
    }

    [Fact]
    public void A_finished_line_leaves_nothing_pending() =>
        PendingLine.Of("Debian GNU/Linux 13 debian ttyS0\r\n\r\n", 0).ShouldBeEmpty();
}
