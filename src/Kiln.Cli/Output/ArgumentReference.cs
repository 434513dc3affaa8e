namespace Kiln.Cli.Output;

/// <summary>One positional argument of a verb.</summary>
public sealed record ArgumentReference(string Name, string Description, bool Optional, bool Repeats)
{
    public string Usage => $"{(Optional ? "[" : string.Empty)}{Name.ToUpperInvariant()}{(Repeats ? "..." : string.Empty)}{(Optional ? "]" : string.Empty)}";
}
