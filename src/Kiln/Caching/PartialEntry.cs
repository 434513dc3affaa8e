using Kiln.Tasks;

namespace Kiln.Caching;

/// <summary>
/// A store entry being made by a miss (<see cref="TreeReuse"/>): its directory, renamed into place once its tree
/// and record are whole, the undo step that removes it until then, and the bind mount of its tree on the build's
/// root when the bootstrap writes straight into the store.
/// </summary>
internal sealed class PartialEntry(string directory, UndoEntry removal)
{
    public string Directory { get; } = directory;

    public string Tree => Path.Combine(Directory, "root");

    public UndoEntry Removal { get; } = removal;

    public UndoEntry? Bind { get; set; }
}
