namespace Kiln.Host;

/// <summary>The one way Kiln runs external programs: every call is logged with its argv, output and duration.</summary>
public interface ICommandRunner
{
    /// <summary>Runs the command to completion; a non-zero exit code is returned, not thrown.</summary>
    Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken);
}
