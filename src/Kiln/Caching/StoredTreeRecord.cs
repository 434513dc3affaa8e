using Kiln.Disks;
using Newtonsoft.Json;

namespace Kiln.Caching;

/// <summary>
/// What a stored tree is (its tree.json): the fingerprint of everything that made it, the package indexes it
/// was bootstrapped from, the package requests the bootstrap installed, when it was stored, the digest
/// and size of the tree as it was stored, and the SOURCE_DATE_EPOCH its times were clamped to with the
/// modification times that clamping lowered (<see cref="StoredTreeTimes"/>; absent in trees stored before
/// they were clamped).
/// </summary>
public sealed record StoredTreeRecord(
    string Fingerprint,
    IReadOnlyDictionary<string, string> Indexes,
    IReadOnlyList<string> Installed,
    DateTimeOffset Saved,
    string? TreeDigest = null,
    long Bytes = 0,
    long? TimesClampedTo = null,
    IReadOnlyDictionary<string, long>? LoweredTimes = null)
{
    /// <summary>The times the tree was stored with, or null when they were not clamped.</summary>
    public StoredTreeTimes? Times() =>
        TimesClampedTo is { } epoch ? new StoredTreeTimes(epoch, LoweredTimes ?? new Dictionary<string, long>(StringComparer.Ordinal)) : null;

    public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented) + "\n";

    /// <summary>The record in <paramref name="path"/>, or null when there is none or it cannot be read (the tree is then bootstrapped afresh).</summary>
    public static StoredTreeRecord? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<StoredTreeRecord>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
