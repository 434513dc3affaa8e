namespace Kiln.Builds;

/// <summary>
/// The order in which the builds of one run start: the first build of every bootstrap group before any second
/// one, so that while one build bootstraps a tree the others of its group are not yet holding a job waiting for
/// it, and each later build finds its group's tree stored.
/// </summary>
public static class BuildQueue
{
    /// <summary>Indexes into <paramref name="groupKeys"/> in start order (stable within a group).</summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<string> groupKeys)
    {
        ArgumentNullException.ThrowIfNull(groupKeys);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new List<int>();
        var rest = new List<int>();
        for (var index = 0; index < groupKeys.Count; index++)
        {
            (seen.Add(groupKeys[index]) ? firsts : rest).Add(index);
        }

        return [.. firsts, .. rest];
    }
}
