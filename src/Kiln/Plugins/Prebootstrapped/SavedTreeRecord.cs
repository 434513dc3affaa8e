using Newtonsoft.Json;

namespace Kiln.Plugins.Prebootstrapped;

/// <summary>
/// What a saved tree is (its tree.json): the fingerprint of everything that made it, the package indexes it
/// was bootstrapped from, the package requests the bootstrap installed, and when it was saved.
/// </summary>
public sealed record SavedTreeRecord(
    string Fingerprint,
    IReadOnlyDictionary<string, string> Indexes,
    IReadOnlyList<string> Installed,
    DateTimeOffset Saved)
{
    public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented) + "\n";

    /// <summary>The record in <paramref name="path"/>, or null when there is none or it cannot be read (the tree is then bootstrapped afresh).</summary>
    public static SavedTreeRecord? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<SavedTreeRecord>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
