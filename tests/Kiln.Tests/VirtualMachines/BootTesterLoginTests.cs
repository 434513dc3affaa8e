using Kiln.Host;
using Kiln.VirtualMachines;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.VirtualMachines;

/// <summary>Logging in on a console that a shell script plays: a prompt buried under another program's output, and a console that never asks.</summary>
public sealed class BootTesterLoginTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task A_password_prompt_buried_under_other_output_is_asked_for_again_with_an_empty_answer()
    {
        // As cloud-init does: it prints the host keys right after the login program wrote its prompt.
        const string console = """
            printf 'Debian GNU/Linux 13 debian ttyS0\r\n\r\ndebian login: '
            read user
            printf 'Password: -----BEGIN SSH HOST KEY KEYS-----\r\nssh-ed25519 AAAA root@debian\r\n-----END SSH HOST KEY KEYS-----\r\n'
            read answer
            [ -z "$answer" ] || exit 3
            printf '\r\nLogin incorrect\r\ndebian login: '
            read user
            printf 'Password: '
            read password
            [ "$user:$password" = root:secret ] || exit 4
            printf 'root@debian:~# '
            read command
            [ "$command" = poweroff ] && exit 0
            exit 5
            """;
        var backend = new ScriptedConsole(console);

        var result = await new BootTester(backend, Stall).RunAsync(Request, new BootTestOptions { User = "root", Password = "secret" }, CancellationToken.None);

        result.Failure.ShouldBeNull();
        result.SecondsToShell.ShouldNotBeNull();
        backend.ExitCode.ShouldBe(0, "the script checks every answer it got");
    }

    [Fact]
    public async Task A_console_that_never_asks_for_the_password_fails_after_three_tries()
    {
        const string console = """
            printf 'debian login: '
            while read user; do printf 'still booting\r\n'; read answer; printf 'debian login: '; done
            """;
        var backend = new ScriptedConsole(console);

        var result = await new BootTester(backend, Stall).RunAsync(Request, new BootTestOptions { User = "root", Password = "secret" }, CancellationToken.None);

        result.Failure.ShouldBe("no password prompt after the user name (the console did not stop at a line ending in `:`; tried 3 times)");
    }

    [Fact]
    public async Task The_login_prompt_after_an_empty_answer_is_awaited_as_long_as_the_first_one()
    {
        // A guest that stalls after its first prompt, here for longer than --timeout (the test is not a minute long).
        const string console = """
            printf 'debian login: '
            read user
            read answer
            sleep 3
            printf 'debian login: '
            read user
            """;

        var result = await new BootTester(new ScriptedConsole(console), Stall).RunAsync(Request, new BootTestOptions { User = "root", Password = "secret", Timeout = TimeSpan.FromSeconds(1) }, CancellationToken.None);

        result.Failure.ShouldBe("no password prompt after the user name, and no login prompt within 1 s after an empty answer");
    }

    private static BootRequest Request => new() { Image = "/nonexistent/image.qcow2" };

    /// <summary>A backend whose "VM" is a shell script talking on its standard input and output.</summary>
    private sealed class ScriptedConsole(string script) : IBootBackend
    {
        private RunningProcess? _process;

        public int ExitCode { get; private set; } = -1;

        public Task InstallAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ConfigureAsync(BootRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<SerialConsole> StartAsync(CancellationToken cancellationToken)
        {
            _process = new CommandRunner(NullLogger<CommandRunner>.Instance).Start(new CommandLine("sh", "-c", script));
            return Task.FromResult(new SerialConsole(_process));
        }

        public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
        {
            if (_process is null)
            {
                return;
            }

            if (!await _process.WaitForExitAsync(grace > TimeSpan.Zero ? grace : TimeSpan.FromSeconds(1)))
            {
                _process.Kill();
                await _process.WaitForExitAsync(TimeSpan.FromSeconds(5));
            }
            else if (ExitCode < 0)
            {
                ExitCode = _process.ExitCode;
            }
        }

        public Task CleanupAsync(CancellationToken cancellationToken)
        {
            _process?.Dispose();
            _process = null;
            return Task.CompletedTask;
        }
    }
}
