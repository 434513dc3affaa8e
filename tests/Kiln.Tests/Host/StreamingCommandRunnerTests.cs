using System.Collections.Concurrent;
using Kiln.Host;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

/// <summary>Pipelines and streamed commands of the one runner (runs /bin/sh, nothing else).</summary>
public sealed class StreamingCommandRunnerTests
{
    private readonly RecordingLogger<CommandRunner> _log = new();

    [Fact]
    public async Task A_pipeline_moves_bytes_and_is_logged_as_one_command_line()
    {
        var runner = new CommandRunner(_log);

        var result = await runner.RunPipelineAsync(new CommandLine("sh", "-c", "head -c 300000 /dev/zero"), new CommandLine("wc", "-c"), CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.Consumer.StandardOutput.Trim().ShouldBe("300000");
        _log.Messages.ShouldContain("$ sh -c 'head -c 300000 /dev/zero' | wc -c");
    }

    [Fact]
    public async Task The_failure_of_a_pipeline_is_that_of_the_command_that_caused_it()
    {
        var runner = new CommandRunner(_log);

        var result = await runner.RunPipelineAsync(new CommandLine("sh", "-c", "echo data"), new CommandLine("sh", "-c", "echo no room >&2; exit 4"), CancellationToken.None);

        var error = Should.Throw<CommandFailedException>(() => result.EnsureSuccess());
        error.Result.ExitCode.ShouldBe(4);
    }

    [Fact]
    public async Task Lines_arrive_while_the_command_runs_and_an_interrupt_closes_its_input()
    {
        var runner = new CommandRunner(_log);
        var lines = new ConcurrentQueue<OutputLine>();
        using var interrupt = new CancellationTokenSource();
        var command = new CommandLine("sh", "-c", "echo started; echo warning >&2; cat >/dev/null; echo input closed; exit 130");

        var result = await runner.RunStreamingAsync(
            command,
            line =>
            {
                lines.Enqueue(line);
                if (line.Text == "started")
                {
                    // The command waits for the end of its input: only the interrupt gives it that.
                    interrupt.Cancel();
                }
            },
            TimeSpan.FromSeconds(20),
            interrupt.Token);

        result.ExitCode.ShouldBe(130);
        lines.ShouldContain(new OutputLine("started", false));
        lines.ShouldContain(new OutputLine("warning", true));
        lines.ShouldContain(new OutputLine("input closed", false));
        _log.Messages.ShouldContain(m => m.StartsWith("closing the input of sh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_that_ignores_the_end_of_its_input_is_stopped_after_the_grace()
    {
        var runner = new CommandRunner(_log);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await runner.RunStreamingAsync(new CommandLine("sh", "-c", "exec sleep 60"), _ => { }, TimeSpan.FromMilliseconds(300), interrupt.Token);

        result.Succeeded.ShouldBeFalse();
        result.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }
}
