namespace Kiln.Plugins.FileCopy;

/// <summary>A host file or directory to copy to a path in the image, from <c>files</c>.</summary>
public sealed record FileEntry(string Source, string Destination, PathAttributes Attributes);
