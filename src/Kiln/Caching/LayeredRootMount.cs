using Kiln.Tasks;

namespace Kiln.Caching;

/// <summary>The build's layered root while it is mounted: the undo step that unmounts it, so that the root's removal can give it back early.</summary>
public sealed class LayeredRootMount
{
    public UndoEntry? Unmount { get; set; }
}
