using System.Globalization;

namespace Kiln.Caching;

/// <summary>Whether a stored tree may stand in for a bootstrap, and why (the reason is shown to the user either way).</summary>
public sealed record StoredTreeVerdict(bool Reuse, string Reason)
{
    public static StoredTreeVerdict Judge(StoredTreeRecord? saved, bool treeExists, string fingerprint, IReadOnlyDictionary<string, string> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        if (saved is null || !treeExists)
        {
            return new(false, "no stored tree for these packages and settings yet");
        }

        var when = saved.Saved.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (saved.Fingerprint != fingerprint)
        {
            return new(false, $"the tree stored {when} was made from other packages or settings");
        }

        if (indexes.FirstOrDefault(pair => pair.Value == ArchiveIndexState.Unknown) is { Key: { } unreadable })
        {
            return new(false, $"whether {unreadable} changed cannot be checked (Kiln reads Release files over http, https and file only)");
        }

        var changed = indexes.Keys.Union(saved.Indexes.Keys, StringComparer.Ordinal)
            .Where(name => indexes.GetValueOrDefault(name) != saved.Indexes.GetValueOrDefault(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        return changed.Count > 0
            ? new(false, $"the tree stored {when} is stale: the package index of {string.Join(", ", changed)} changed since")
            : new(true, $"the tree stored {when} is current");
    }
}
