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
}
