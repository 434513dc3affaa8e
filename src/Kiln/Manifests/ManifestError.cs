namespace Kiln.Manifests;

/// <summary>One problem in a manifest: where it is and what is wrong and allowed.</summary>
public sealed record ManifestError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
