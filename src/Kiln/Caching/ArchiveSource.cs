namespace Kiln.Caching;

/// <summary>One archive suite apt reads packages from: a URI, a suite (ending in / for a flat repository) and its components.</summary>
public sealed record ArchiveSource(string Uri, string Suite, IReadOnlyList<string> Components)
{
    public bool IsFlat => Suite.EndsWith('/');

    /// <summary>How the source is named in messages and in a saved tree's record.</summary>
    public string Name => $"{Uri} {Suite}";

    /// <summary>The signed Release file first, the unsigned one if the archive has only that.</summary>
    public IReadOnlyList<string> ReleasePaths => IsFlat
        ? [$"{Suite}InRelease", $"{Suite}Release"]
        : [$"dists/{Suite}/InRelease", $"dists/{Suite}/Release"];
}
