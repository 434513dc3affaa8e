using Kiln.Plugins.RootPassword;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.RootPassword;

public sealed class SetRootPasswordTests
{
    private readonly FakeCommandRunner _runner = new();

    [Fact]
    public async Task The_password_goes_to_chpasswd_on_standard_input_and_is_masked_everywhere()
    {
        var context = TestBuildContexts.Create(Manifest("{password: hunter2}"), _runner);

        await new SetRootPassword().RunAsync(context, CancellationToken.None);

        var command = _runner.Commands.ShouldHaveSingleItem();
        command.Argv.ShouldBe(["chroot", "/nonexistent/workspace/kiln-test/tree/root", "chpasswd"]);
        command.StandardInput.ShouldBe("root:hunter2\n");
        command.Secrets.ShouldBe(["hunter2"]);
        context.Secrets.Values.ShouldBe(["hunter2"]);
        context.Notices.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_crypted_password_is_passed_as_such()
    {
        var context = TestBuildContexts.Create(Manifest("{password-crypted: $6$salt$hash}"), _runner);

        await new SetRootPassword().RunAsync(context, CancellationToken.None);

        _runner.Argvs.ShouldBe([["chroot", "/nonexistent/workspace/kiln-test/tree/root", "chpasswd", "--encrypted"]]);
        _runner.Commands[0].StandardInput.ShouldBe("root:$6$salt$hash\n");
    }

    [Fact]
    public async Task A_random_password_is_shown_once_when_the_build_ends()
    {
        var context = TestBuildContexts.Create(Manifest("{random: true}"), _runner);

        await new SetRootPassword().RunAsync(context, CancellationToken.None);

        var password = context.Secrets.Values.ShouldHaveSingleItem();
        _runner.Commands.ShouldHaveSingleItem().StandardInput.ShouldBe($"root:{password}\n");
        context.Notices.ShouldBe([$"root password (shown only now): {password}"]);
    }

    [Fact]
    public void A_random_password_is_20_characters_without_look_alikes()
    {
        var password = SetRootPassword.RandomPassword();

        password.Length.ShouldBe(20);
        password.ShouldAllBe(c => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".Contains(c, StringComparison.Ordinal));
        SetRootPassword.RandomPassword().ShouldNotBe(password);
    }

    private static Kiln.Specs.BuildSpec Manifest(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  root_password: {settings}\n");
}
