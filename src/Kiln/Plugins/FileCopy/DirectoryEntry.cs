namespace Kiln.Plugins.FileCopy;

/// <summary>A directory to create in the image (with its parents), from <c>mkdirs</c>.</summary>
public sealed record DirectoryEntry(string Path, PathAttributes Attributes);
