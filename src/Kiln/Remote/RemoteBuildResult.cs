using Kiln.Tasks;

namespace Kiln.Remote;

/// <summary>How a remote build ended: its outcome, kiln's exit code for it, and what arrived on this machine.</summary>
public sealed record RemoteBuildResult(BuildOutcome Outcome, int ExitCode, IReadOnlyList<string> Artifacts, IReadOnlyList<string> Logs, TimeSpan WallTime);
