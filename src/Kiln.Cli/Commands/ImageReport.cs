using Kiln.Tasks;

namespace Kiln.Cli.Commands;

/// <summary>How one image of a run ended: what was built, how long it took, and where its log is.</summary>
public sealed record ImageReport(string Name, BuildOutcome? Outcome, int ExitCode, IReadOnlyList<string> Artifacts, IReadOnlyList<string> Notices, TimeSpan WallTime, string? LogFile, string? Error)
{
    public static ImageReport NotStarted(string name) => new(name, null, 130, [], [], TimeSpan.Zero, null, "not started: the run was interrupted");

    /// <summary>A build that stopped before its first task (a lock another build holds, a missing privilege).</summary>
    public static ImageReport Refused(string name, KilnException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(name, BuildOutcome.Failed, error.ExitCode, [], [], TimeSpan.Zero, null, error.Message);
    }
}
