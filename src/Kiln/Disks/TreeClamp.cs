namespace Kiln.Disks;

/// <summary>What clamping a tree's times did.</summary>
/// <param name="Entries">How many entries the tree has, its top directory included.</param>
/// <param name="Lowered">How many had a modification time after the epoch.</param>
/// <param name="Changed">How many had any time set (the others had their clamped times already).</param>
/// <param name="Originals">The modification time, in seconds, each lowered entry had before, by path relative to the tree.</param>
public sealed record TreeClamp(int Entries, int Lowered, int Changed, IReadOnlyDictionary<string, long> Originals)
{
    /// <summary>The times the tree has now, to store with it.</summary>
    public StoredTreeTimes StoredAt(long sourceDateEpoch) => new(sourceDateEpoch, Originals);
}
