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
}
