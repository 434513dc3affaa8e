using System.Globalization;

namespace Kiln.Tests.Fakes;

/// <summary>One EC2 API call the stand-in received: its action and every form parameter.</summary>
public sealed record Ec2Call(string Action, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The region the request was signed for.</summary>
    public string? Region { get; init; }

    public string this[string name] => Parameters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{Action} has no parameter {name}; it has {string.Join(", ", Parameters.Keys)}");

    public override string ToString() => $"{Action}({string.Join(", ", Parameters.Where(p => p.Key is not "Action" and not "Version").Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")))})";
}
