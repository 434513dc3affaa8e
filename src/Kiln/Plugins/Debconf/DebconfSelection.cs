namespace Kiln.Plugins.Debconf;

/// <summary>One answer for debconf-set-selections: <c>owner question type value</c>, from a line of the manifest's text.</summary>
public sealed record DebconfSelection(string Owner, string Question, string Type, string Value)
{
    /// <summary>The selection as one line of debconf-set-selections input.</summary>
    public string Line => Value.Length == 0 ? $"{Owner} {Question} {Type}" : $"{Owner} {Question} {Type} {Value}";
}
