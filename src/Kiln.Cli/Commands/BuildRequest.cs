namespace Kiln.Cli.Commands;

/// <summary>The arguments of one <c>kiln build</c>.</summary>
public sealed record BuildRequest(
    IReadOnlyList<string> Manifests,
    string? Output,
    bool DryRun,
    string? LogDirectory,
    bool PauseOnError,
    string? Workspace,
    bool NoCache,
    int Jobs)
{
    /// <summary>A cloud image stops at its files (<c>--no-publish</c>).</summary>
    public bool NoPublish { get; init; }

    /// <summary><c>--password-file</c>: a random root password is also written beside the image.</summary>
    public bool PasswordFile { get; init; }

    /// <summary><c>--json</c>: the outcome as one JSON document on standard output.</summary>
    public bool Json { get; init; }

    /// <summary><c>--offline</c>: a dry run asks the mirror nothing.</summary>
    public bool Offline { get; init; }
}
