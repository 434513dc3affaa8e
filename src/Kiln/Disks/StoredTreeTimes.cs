namespace Kiln.Disks;

/// <summary>
/// The times of a stored tree, clamped when it was stored: every entry's times were set to <paramref name="Epoch"/>
/// or before, and <paramref name="Originals"/> holds, by path relative to the tree, the modification time in
/// seconds of each entry that was lowered to it. A build on that tree with another epoch gets the same times as
/// one that bootstrapped afresh.
/// </summary>
public sealed record StoredTreeTimes(long Epoch, IReadOnlyDictionary<string, long> Originals);
