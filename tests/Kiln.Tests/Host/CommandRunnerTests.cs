using Kiln.Host;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

/// <summary>The one runner of external programs: what it logs, masks and returns (runs /bin/sh, nothing else).</summary>
public sealed class CommandRunnerTests
{
    private readonly RecordingLogger<CommandRunner> _log = new();

    [Fact]
    public async Task It_logs_the_exact_command_line_every_output_line_and_the_exit_code()
    {
        var runner = new CommandRunner(_log);

        var result = await runner.RunAsync(new CommandLine("sh", "-c", "echo out; echo err >&2; exit 3"), CancellationToken.None);

        result.ExitCode.ShouldBe(3);
        result.StandardOutput.ShouldBe("out\n");
        result.StandardError.ShouldBe("err\n");
        _log.Messages.ShouldContain("$ sh -c 'echo out; echo err >&2; exit 3'");
        _log.Messages.ShouldContain("[sh] out");
        _log.Messages.ShouldContain("[sh] err");
        _log.Messages.ShouldContain(m => m.StartsWith("sh exited with 3 after ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_that_only_echoes_its_input_keeps_its_output_out_of_the_log_but_not_its_errors()
    {
        var runner = new CommandRunner(_log);

        var result = await runner.RunAsync(new CommandLine("sh", "-c", "echo echoed; echo failed >&2") { LogsStandardOutput = false }, CancellationToken.None);

        result.StandardOutput.ShouldBe("echoed\n");
        _log.Messages.ShouldNotContain("[sh] echoed");
        _log.Messages.ShouldContain("[sh] failed");
    }

    [Fact]
    public async Task Secrets_of_the_command_and_of_the_run_are_masked_in_the_log_and_the_result()
    {
        var secrets = new SecretStore();
        secrets.Add("hunter2");
        var runner = new CommandRunner(_log, secrets);

        var result = await runner.RunAsync(new CommandLine("sh", "-c", "echo hunter2 swordfish") { Secrets = ["swordfish"] }, CancellationToken.None);

        result.StandardOutput.ShouldBe("******** ********\n");
        _log.Messages.ShouldNotContain(m => m.Contains("hunter2", StringComparison.Ordinal) || m.Contains("swordfish", StringComparison.Ordinal));
        _log.Messages.ShouldContain("$ sh -c 'echo ******** ********'");
    }

    [Fact]
    public async Task Standard_input_reaches_the_program_and_the_environment_is_added()
    {
        var runner = new CommandRunner(_log);
        var command = new CommandLine("sh", "-c", "read line; echo \"$line $GREETING\"") { StandardInput = "hello\n", Environment = new Dictionary<string, string> { ["GREETING"] = "world" } };

        var result = await runner.RunAsync(command, CancellationToken.None);

        result.StandardOutput.ShouldBe("hello world\n");
    }

    [Fact]
    public async Task A_cancelled_command_is_stopped_with_its_children()
    {
        var runner = new CommandRunner(_log);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => runner.RunAsync(new CommandLine("sh", "-c", "sleep 30 & sleep 30; wait"), cancel.Token));

        _log.Messages.ShouldContain(m => m.StartsWith("stopping sh (pid ", StringComparison.Ordinal) && m.EndsWith("and its 2 process(es) with SIGTERM", StringComparison.Ordinal), string.Join("\n", _log.Messages));
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_a_clear_error()
    {
        var runner = new CommandRunner(_log);

        var error = await Should.ThrowAsync<KilnException>(() => runner.RunAsync(new CommandLine("kiln-no-such-program"), CancellationToken.None));

        error.Message.ShouldStartWith("cannot run `kiln-no-such-program`");
    }
}
