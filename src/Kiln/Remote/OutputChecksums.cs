using System.Security.Cryptography;

namespace Kiln.Remote;

/// <summary>The SHA-256 of each file a remote build made, as the server computed them, checked against the copies that arrived.</summary>
public sealed class OutputChecksums
{
    private readonly Dictionary<string, string> _hashes;

    private OutputChecksums(Dictionary<string, string> hashes) => _hashes = hashes;

    /// <summary>The files, relative to the output directory.</summary>
    public IReadOnlyCollection<string> Files => _hashes.Keys;

    /// <summary>Reads <c>sha256sum</c> output (<c>HASH  ./PATH</c> per line).</summary>
    public static OutputChecksums Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf("  ", StringComparison.Ordinal);
            var hash = space == 64 ? line[..64] : null;
            if (hash is null || !hash.All(char.IsAsciiHexDigitLower))
            {
                throw new KilnException($"the build host sent a checksum line that is not `SHA256  PATH`: {line}");
            }

            var path = line[(space + 2)..];
            hashes[path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path] = hash;
        }

        return new OutputChecksums(hashes);
    }

    /// <summary>The files below <paramref name="directory"/> that are missing, extra or differ; empty when every copy is exact.</summary>
    public IReadOnlyList<string> Problems(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var problems = new List<string>();
        var arrived = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(directory, file)).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var (file, expected) in _hashes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!arrived.Contains(file))
            {
                problems.Add($"{file} did not arrive");
                continue;
            }

            using var stream = File.OpenRead(Path.Combine(directory, file));
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (actual != expected)
            {
                problems.Add($"{file} arrived with SHA-256 {actual[..12]}… instead of {expected[..12]}…");
            }
        }

        problems.AddRange(arrived.Where(file => !_hashes.ContainsKey(file)).Order(StringComparer.Ordinal).Select(file => $"{file} arrived without a checksum"));
        return problems;
    }
}
