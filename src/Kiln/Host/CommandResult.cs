namespace Kiln.Host;

/// <summary>What a finished command left: its exit code, its output and how long it ran.</summary>
public sealed record CommandResult(CommandLine Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws a <see cref="CommandFailedException"/> unless the command exited with 0.</summary>
    public CommandResult EnsureSuccess()
    {
        return Succeeded ? this : throw new CommandFailedException(this);
    }
}
