namespace Kiln.SystemTests;

/// <summary>The facts a guest printed, by key; a missing key fails with everything the guest printed.</summary>
public sealed class FactSheet(IReadOnlyDictionary<string, string> facts, string output)
{
    public string this[string key] => facts.TryGetValue(key, out var value)
        ? value
        : throw new Shouldly.ShouldAssertException($"the guest printed no `{key}=` line; it printed:\n{output}");

    /// <summary>Everything the guest printed, for failure messages.</summary>
    public override string ToString() => output;
}
