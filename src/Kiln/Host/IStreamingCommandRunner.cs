namespace Kiln.Host;

/// <summary>
/// The command runner for commands that move bytes between two programs or run for long with their output shown
/// as it comes (a build on another machine over SSH). Logged like every other command.
/// </summary>
public interface IStreamingCommandRunner : ICommandRunner
{
    /// <summary>
    /// Runs <c>producer | consumer</c>: the producer's standard output becomes the consumer's standard input, as bytes.
    /// Both are stopped with their children when the token is cancelled (then the cancellation is thrown).
    /// </summary>
    Task<PipelineResult> RunPipelineAsync(CommandLine producer, CommandLine consumer, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a long command and hands every line of its output to <paramref name="onLine"/> as it arrives. Its
    /// standard input stays open while it runs; when the token is cancelled the input is closed (the command reads
    /// end of file, its signal to stop by itself) and the command gets <paramref name="stopGrace"/> to end before
    /// it is terminated. The result is returned in both cases: the caller sees the cancellation on its token.
    /// </summary>
    Task<CommandResult> RunStreamingAsync(CommandLine command, Action<OutputLine> onLine, TimeSpan stopGrace, CancellationToken cancellationToken);
}
