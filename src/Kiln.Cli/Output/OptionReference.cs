using System.CommandLine;

namespace Kiln.Cli.Output;

/// <summary>One option: its names, the value it takes (if any) and its values when they are a fixed set.</summary>
public sealed record OptionReference(string Name, IReadOnlyList<string> Aliases, string? Value, string Description)
{
    public static OptionReference Of(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        var value = takesValue ? option.HelpName ?? "VALUE" : null;
        return new OptionReference(option.Name, [.. option.Aliases.Where(a => a.StartsWith('-') && a != "-?" && a != option.Name).Order(StringComparer.Ordinal)], value, option.Description ?? string.Empty);
    }

    /// <summary>The values when the option takes one of a fixed set (<c>auto|always|never</c>).</summary>
    public IReadOnlyList<string> Choices => Value is not null && Value.Contains('|', StringComparison.Ordinal) ? Value.Split('|') : [];

    /// <summary>True when the value is a directory or file path.</summary>
    public bool TakesPath => Value is "DIR" or "FILE" or "PATH";
}
