using Kiln.Host;

namespace Kiln.Tests.Fakes;

/// <summary>
/// A command runner that runs nothing (Cake's ToolFixture style): it records every command line and answers
/// with the result configured for the program, or exit code 0 and no output.
/// </summary>
public sealed class FakeCommandRunner : ICommandRunner
{
    private readonly Dictionary<string, (int ExitCode, string Output, string Error)> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<CommandLine>> _effects = new(StringComparer.Ordinal);

    public List<CommandLine> Commands { get; } = [];

    /// <summary>The argument vectors of the recorded commands, program first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Argvs => [.. Commands.Select(command => command.Argv)];

    /// <summary>Makes every later run of <paramref name="program"/> end with this exit code and output.</summary>
    public FakeCommandRunner Returns(string program, int exitCode, string standardOutput = "", string standardError = "")
    {
        _results[program] = (exitCode, standardOutput, standardError);
        return this;
    }

    /// <summary>Makes every later run of <paramref name="program"/> do <paramref name="effect"/> (what the real program would leave behind).</summary>
    public FakeCommandRunner Does(string program, Action<CommandLine> effect)
    {
        _effects[program] = effect;
        return this;
    }

    public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        Commands.Add(command);
        var (exitCode, output, error) = _results.TryGetValue(command.Program, out var result) ? result : (0, string.Empty, string.Empty);
        if (exitCode == 0 && _effects.TryGetValue(command.Program, out var effect))
        {
            effect(command);
        }

        return Task.FromResult(new CommandResult(command, exitCode, output, error, TimeSpan.Zero));
    }
}
