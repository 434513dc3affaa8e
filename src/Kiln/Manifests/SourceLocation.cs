namespace Kiln.Manifests;

/// <summary>A place in a manifest file, 1-based, printed as <c>file:line:column</c>.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
