namespace Kiln.Host;

/// <summary>Starts long-running programs (a VM): streamed output, or attached to the user's terminal. Logged like every other command.</summary>
public interface IProcessLauncher
{
    /// <summary>Starts the program with its standard input and output connected to the returned handle.</summary>
    RunningProcess Start(CommandLine command);

    /// <summary>Runs the program on the user's own terminal (interactive), returning its exit code.</summary>
    Task<int> RunAttachedAsync(CommandLine command, CancellationToken cancellationToken);
}
