using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Kiln.SystemTests;

/// <summary>
/// Reads files out of a built image without booting or mounting it: the image is converted to raw when
/// needed, and files are read from an ext2/3/4 filesystem with debugfs at the partition's offset.
/// </summary>
public sealed class ImageInspector : IDisposable
{
    private readonly string? _temporary;

    public ImageInspector(string image)
    {
        if (Run("qemu-img", ["info", "--output=json", image]).Contains("\"format\": \"raw\"", StringComparison.Ordinal))
        {
            Raw = image;
        }
        else
        {
            _temporary = Path.Combine(Path.GetTempPath(), $"kiln-inspect-{Guid.NewGuid():N}.raw");
            Run("qemu-img", ["convert", "-O", "raw", image, _temporary]);
            Raw = _temporary;
        }
    }

    public string Raw { get; }

    /// <summary>Byte offsets of the partitions, by number (none: the whole disk at 0).</summary>
    public IReadOnlyDictionary<int, long> PartitionOffsets()
    {
        var dump = Run("sfdisk", ["--json", Raw], allowFailure: true);
        if (dump.Length == 0)
        {
            return new Dictionary<int, long> { [0] = 0 };
        }

        var partitions = (JArray)JObject.Parse(dump)["partitiontable"]!["partitions"]!;
        return partitions.Select((p, index) => (Number: index + 1, Start: p.Value<long>("start") * 512)).ToDictionary(p => p.Number, p => p.Start);
    }

    /// <summary>The text of a file in the ext filesystem of a partition (1 by default), or null when it does not exist.</summary>
    public string? ReadFile(string path, int partition = 1)
    {
        var offsets = PartitionOffsets();
        var offset = offsets.TryGetValue(partition, out var start) ? start : offsets[0];
        var device = $"{Raw}?offset={offset.ToString(CultureInfo.InvariantCulture)}";
        var stat = Run("debugfs", ["-R", $"stat {path}", device], allowFailure: true);
        return stat.Contains("Inode:", StringComparison.Ordinal) ? Run("debugfs", ["-R", $"cat {path}", device]) : null;
    }

    public void Dispose()
    {
        if (_temporary is not null)
        {
            File.Delete(_temporary);
        }
    }

    /// <summary>Runs a host program; its output, or empty when it fails and <paramref name="allowFailure"/> is set.</summary>
    internal static string Run(string program, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }

        return process.ExitCode == 0 ? output : string.Empty;
    }
}
