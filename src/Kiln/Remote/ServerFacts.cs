using System.Globalization;

namespace Kiln.Remote;

/// <summary>What the probe (assets/probe.sh) found on a build host.</summary>
public sealed record ServerFacts
{
    /// <summary>The architecture as <c>uname -m</c> names it.</summary>
    public required string Machine { get; init; }

    public required string OsId { get; init; }

    public required string OsLike { get; init; }

    public required string OsName { get; init; }

    public required int Uid { get; init; }

    public required string User { get; init; }

    /// <summary>Where copies of kiln live on the server (<c>~/.cache/kiln/remote</c>).</summary>
    public required string KilnCache { get; init; }

    public bool PasswordlessSudo { get; init; }

    public bool HasTar { get; init; }

    /// <summary>The server's <c>dotnet</c>, or null.</summary>
    public string? Dotnet { get; init; }

    /// <summary>The versions of Microsoft.NETCore.App installed there.</summary>
    public IReadOnlyList<string> Runtimes { get; init; } = [];

    /// <summary>Whether this very kiln (by content hash) is there already.</summary>
    public bool HasKiln { get; init; }

    public bool IsRoot => Uid == 0;

    public bool IsDebian => OsId == "debian" || OsLike.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("debian", StringComparer.Ordinal);

    public bool HasRuntime(int major) => Runtimes.Any(version => version.StartsWith($"{major.ToString(CultureInfo.InvariantCulture)}.", StringComparison.Ordinal));

    /// <summary>Reads the probe's output; null when it did not run to its end (<c>probe=done</c>).</summary>
    public static ServerFacts? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pairs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToLookup(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        string? One(string key) => pairs[key].LastOrDefault();
        if (One("probe") != "done" || One("machine") is not { Length: > 0 } machine || !int.TryParse(One("uid"), NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            return null;
        }

        return new ServerFacts
        {
            Machine = machine,
            OsId = One("os_id") ?? string.Empty,
            OsLike = One("os_like") ?? string.Empty,
            OsName = One("os_name") ?? "an unknown system",
            Uid = uid,
            User = One("user") ?? uid.ToString(CultureInfo.InvariantCulture),
            KilnCache = One("kiln_cache") ?? string.Empty,
            PasswordlessSudo = One("sudo") == "yes",
            HasTar = One("tar") == "yes",
            Dotnet = One("dotnet"),
            Runtimes = [.. pairs["runtime"]],
            HasKiln = One("kiln") == "present",
        };
    }
}
