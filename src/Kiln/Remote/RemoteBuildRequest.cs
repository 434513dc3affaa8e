namespace Kiln.Remote;

/// <summary>One build to run on a build host, with where its results go on this machine.</summary>
public sealed record RemoteBuildRequest
{
    public required BuildHost Host { get; init; }

    /// <summary>The manifest on this machine: it and everything in its directory are copied to the server.</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The local directory the images are brought back into.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The local directory the server's build log is brought back into.</summary>
    public required string LogDirectory { get; init; }

    /// <summary>An ssh configuration file (<c>ssh -F</c>); null: the user's own (~/.ssh/config and /etc/ssh/ssh_config).</summary>
    public string? SshConfig { get; init; }

    /// <summary>Options of <c>kiln build</c> passed on to the build on the server (--no-cache, --debug).</summary>
    public IReadOnlyList<string> BuildOptions { get; init; } = [];

    /// <summary>Paths in the manifest's directory, relative to it, that are not copied (a local workspace below it).</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];
}
