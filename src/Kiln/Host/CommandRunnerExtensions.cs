namespace Kiln.Host;

/// <summary>Shorthands over <see cref="ICommandRunner"/> for the common "must succeed" case.</summary>
public static class CommandRunnerExtensions
{
    public static async Task<CommandResult> RunCheckedAsync(this ICommandRunner runner, CommandLine command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = await runner.RunAsync(command, cancellationToken);
        return result.EnsureSuccess();
    }
}
