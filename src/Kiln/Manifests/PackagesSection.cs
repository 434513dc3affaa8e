namespace Kiln.Manifests;

/// <summary>The <c>packages</c> section: apt sources, preferences, configuration and what to install.</summary>
public sealed record PackagesSection
{
    public IReadOnlyList<string> Components { get; init; } = ["main"];

    public IReadOnlyList<PackageRequest> Install { get; init; } = [];

    public bool InstallStandard { get; init; }

    public string? Mirror { get; init; }

    public string? Security { get; init; }

    /// <summary>Extra sources.list files: file name to lines.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sources { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>apt preferences files: file name to entries.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AptPin>> Preferences { get; init; } = new Dictionary<string, IReadOnlyList<AptPin>>(StringComparer.Ordinal);

    /// <summary>apt.conf.d files: file name to content.</summary>
    public IReadOnlyDictionary<string, string> AptConfig { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Absolute paths of keys apt trusts (.gpg or .asc).</summary>
    public IReadOnlyList<string> TrustedKeys { get; init; } = [];

    public bool IncludeSourceType { get; init; }
}
