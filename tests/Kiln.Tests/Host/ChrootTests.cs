using Kiln.Host;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class ChrootTests
{
    private readonly FakeCommandRunner _runner = new();

    [Fact]
    public void A_command_inside_runs_through_chroot_with_a_clean_noninteractive_environment()
    {
        var command = new Chroot(_runner, "/build/root").Command("apt-get", "clean");

        command.Argv.ShouldBe(["chroot", "/build/root", "apt-get", "clean"]);
        command.Environment.ShouldBe(ExpectedEnvironment(), ignoreOrder: true);
    }

    [Fact]
    public async Task Running_inside_keeps_the_commands_input_secrets_and_own_environment()
    {
        var inside = new CommandLine("chpasswd") { StandardInput = "root:hunter2\n", Secrets = ["hunter2"] }.WithEnvironment("LC_ALL", "C");

        await new Chroot(_runner, "/build/root").RunAsync(inside, CancellationToken.None);

        var ran = _runner.Commands.ShouldHaveSingleItem();
        ran.Argv.ShouldBe(["chroot", "/build/root", "chpasswd"]);
        ran.StandardInput.ShouldBe("root:hunter2\n");
        ran.Secrets.ShouldBe(["hunter2"]);
        ran.Environment["LC_ALL"].ShouldBe("C");
        ran.Environment["DEBIAN_FRONTEND"].ShouldBe("noninteractive");
        ran.Environment.Count.ShouldBe(6);
    }

    [Fact]
    public async Task The_builds_environment_is_read_at_each_run_so_a_value_fixed_later_reaches_every_command()
    {
        var build = new Dictionary<string, string>(StringComparer.Ordinal);
        var chroot = new Chroot(_runner, "/r", buildEnvironment: build);
        await chroot.RunAsync(["true"], CancellationToken.None);

        build["SOURCE_DATE_EPOCH"] = "1700000000";
        await chroot.RunAsync(["true"], CancellationToken.None);

        _runner.Commands[0].Environment.ContainsKey("SOURCE_DATE_EPOCH").ShouldBeFalse();
        _runner.Commands[1].Environment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
        chroot.Command("true").Environment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
    }

    [Fact]
    public async Task An_argument_vector_is_run_with_its_first_element_as_the_program()
    {
        await new Chroot(_runner, "/r").RunAsync(["systemctl", "enable", "ssh.service"], CancellationToken.None);

        _runner.Argvs.ShouldBe([["chroot", "/r", "systemctl", "enable", "ssh.service"]]);
    }

    [Fact]
    public async Task A_failing_command_inside_throws_with_the_command_and_its_output()
    {
        _runner.Returns("chroot", 100, standardError: "E: Unable to locate package nosuch\n");

        var error = await Should.ThrowAsync<CommandFailedException>(() => new Chroot(_runner, "/r").RunAsync(new CommandLine("apt-get", "install", "nosuch"), CancellationToken.None));

        error.Message.ShouldBe("`apt-get install nosuch` (in the image) failed with exit code 100:\nE: Unable to locate package nosuch");
        error.ExitCode.ShouldBe(1);
    }

    private static Dictionary<string, string> ExpectedEnvironment() => new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["LC_ALL"] = "C.UTF-8",
        ["LANGUAGE"] = "C.UTF-8",
        ["LANG"] = "C.UTF-8",
        ["DEBIAN_FRONTEND"] = "noninteractive",
        ["DEBCONF_NONINTERACTIVE_SEEN"] = "true",
    };
}
