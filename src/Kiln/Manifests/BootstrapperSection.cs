namespace Kiln.Manifests;

/// <summary>The <c>bootstrapper</c> section: how the base system is created and where the build works.</summary>
public sealed record BootstrapperSection
{
    public const string DefaultWorkspace = "/var/tmp/kiln";

    public string Workspace { get; init; } = DefaultWorkspace;

    public string? Mirror { get; init; }

    public BootstrapTool Tool { get; init; } = BootstrapTool.Mmdebstrap;

    /// <summary>The bootstrap variant; null means the bootstrapper's default package set.</summary>
    public string? Variant { get; init; }

    public IReadOnlyList<string> IncludePackages { get; init; } = [];

    public IReadOnlyList<string> ExcludePackages { get; init; } = [];

    public bool Tarball { get; init; }

    /// <summary>Absolute path of the keyring that verifies the mirror's Release file.</summary>
    public string? Keyring { get; init; }

    public bool NoCheckGpg { get; init; }

    public bool ForceCheckGpg { get; init; }

    /// <summary><c>source_date_epoch</c>: the build's SOURCE_DATE_EPOCH when the environment sets none (default: the mirror's Release date).</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary><c>bootstrapper.cache</c> (Kiln): reuse and store bootstrapped trees in the host's cache (default on).</summary>
    public bool Cache { get; init; } = true;

    /// <summary>
    /// <c>bootstrapper.in_memory</c> (Kiln): a build puts its build directory on a tmpfs when the host's available
    /// memory holds it with room to spare, with the cache or without, alone in its run or not (default on;
    /// <see cref="Plugins.TmpfsWorkspace.InMemoryWorkspace"/>, <see cref="Builds.ConcurrentBuildMemory"/>).
    /// </summary>
    public bool InMemory { get; init; } = true;
}
