using Kiln.Host;

namespace Kiln.Tests.Fakes;

/// <summary>
/// A streaming command runner that runs nothing: every command (both halves of a pipeline, in order) is recorded
/// and answered by <see cref="Answer"/>, which may also leave files behind as the real command would.
/// </summary>
public sealed class FakeStreamingCommandRunner : IStreamingCommandRunner
{
    public List<CommandLine> Commands { get; } = [];

    /// <summary>The result of a command: exit code, standard output, standard error. Default: success, no output.</summary>
    public Func<CommandLine, (int ExitCode, string Output, string Error)> Answer { get; set; } = _ => (0, string.Empty, string.Empty);

    /// <summary>Lines a streamed command writes before it ends.</summary>
    public IReadOnlyList<OutputLine> StreamedLines { get; set; } = [];

    /// <summary>Runs while a streamed command "runs" (a test cancels the token here, as Ctrl-C would).</summary>
    public Action? WhileStreaming { get; set; }

    public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run(command));
    }

    public Task<PipelineResult> RunPipelineAsync(CommandLine producer, CommandLine consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(consumer);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new PipelineResult(Run(producer), Run(consumer)));
    }

    public Task<CommandResult> RunStreamingAsync(CommandLine command, Action<OutputLine> onLine, TimeSpan stopGrace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(onLine);
        foreach (var line in StreamedLines)
        {
            onLine(line);
        }

        WhileStreaming?.Invoke();
        return Task.FromResult(Run(command));
    }

    private CommandResult Run(CommandLine command)
    {
        Commands.Add(command);
        var (exitCode, output, error) = Answer(command);
        return new CommandResult(command, exitCode, output, error, TimeSpan.Zero);
    }
}
