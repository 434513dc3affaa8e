namespace Kiln.Manifests;

/// <summary>One problem in a manifest: where it is and what is wrong, with what is allowed as an optional second line.</summary>
public sealed record ManifestError(SourceLocation Location, string Message)
{
    /// <summary>The manifest path of the value, as users write keys (<c>system.bootloader</c>); empty for the whole manifest or when unknown.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>A second line: the allowed keys or values, or how to get what was asked for.</summary>
    public string? Hint { get; init; }

    /// <summary>A problem that does not stop the manifest from being used (an unreachable mirror at validation).</summary>
    public bool IsWarning { get; init; }

    public override string ToString() => Hint is null ? $"{Location}: {Message}" : $"{Location}: {Message}\n    {Hint}";
}
