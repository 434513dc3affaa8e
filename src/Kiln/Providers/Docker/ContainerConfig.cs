namespace Kiln.Providers.Docker;

/// <summary>The run-time settings of the container image (the OCI config's <c>config</c>, Docker's names), built from the manifest's Dockerfile instructions.</summary>
public sealed record ContainerConfig
{
    public const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary><c>NAME=value</c>, in the order set; a later ENV of a name replaces the earlier one.</summary>
    public IReadOnlyList<string> Env { get; init; } = [DefaultPath];

    /// <summary>Ports as <c>80/tcp</c>.</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    public IReadOnlyList<string> Volumes { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    public IReadOnlyList<string> OnBuild { get; init; } = [];
}
