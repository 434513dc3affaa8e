namespace Kiln.Plugins.FileCopy;

/// <summary>A host file or directory to copy to a path in the image, from <c>files</c>.</summary>
public sealed record FileEntry(string Source, string Destination, PathAttributes Attributes)
{
    /// <summary>The source as the manifest wrote it (relative paths unresolved), for messages.</summary>
    public string? WrittenSource { get; init; }
}
