using System.Diagnostics;
using System.Globalization;

namespace Kiln.SystemTests.Plugins;

/// <summary>What kind of entry a path is in an image's ext filesystem (regular, directory, symlink), read with debugfs like <see cref="ImageInspector"/>.</summary>
public static class ImageEntries
{
    /// <summary>debugfs's type of the path ("regular", "directory", "symlink" ...), or null when it does not exist.</summary>
    public static string? KindOf(ImageInspector image, string path, int partition = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        var offsets = image.PartitionOffsets();
        var offset = offsets.TryGetValue(partition, out var start) ? start : offsets[0];
        var info = new ProcessStartInfo("debugfs") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-R", $"stat {path}", $"{image.Raw}?offset={offset.ToString(CultureInfo.InvariantCulture)}" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var type = output.Split('\n').FirstOrDefault(line => line.StartsWith("Inode:", StringComparison.Ordinal))?.Split("Type:", 2);
        return type is [_, var rest] ? rest.Trim().Split(' ', 2)[0] : null;
    }
}
