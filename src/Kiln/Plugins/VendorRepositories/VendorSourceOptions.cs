using Kiln.Packages;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>The <c>[options]</c> of a vendor's source line: only <c>arch=</c> carries over into the entry Kiln writes.</summary>
public static class VendorSourceOptions
{
    public static IReadOnlyList<(string Name, string Value)> Parse(AptSourceLine source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return [.. (source.Options ?? string.Empty).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(option => option.Split('=', 2))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : string.Empty))];
    }

    /// <summary>The architectures of <c>arch=amd64,arm64</c>, space-separated as deb822 writes them, or null.</summary>
    public static string? Architectures(AptSourceLine source)
    {
        var arch = Parse(source).Where(o => o.Name == "arch").Select(o => o.Value).FirstOrDefault();
        return arch is null ? null : string.Join(' ', arch.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Why an option cannot be given, or null when it can.</summary>
    public static string? Problem(string name) => name switch
    {
        "arch" => null,
        "signed-by" => "leave out signed-by: Kiln embeds the key named in `key` into the source entry it writes",
        "trusted" => "trusted= would turn off the signature check; name the repository's signing key in `key` instead",
        _ => $"the source option `{name}` is not supported for a vendor repository; only arch= is",
    };
}
