using System.Globalization;
using System.Text;

namespace Kiln.Host;

/// <summary>The mount points of this process's mount namespace, read from /proc/self/mountinfo.</summary>
public static class MountTable
{
    public static IReadOnlyList<string> ReadMountPoints() =>
        File.Exists("/proc/self/mountinfo") ? ParseMountPoints(File.ReadAllText("/proc/self/mountinfo")) : [];

    /// <summary>The mount points in mountinfo order (parents before the mounts on top of them).</summary>
    public static IReadOnlyList<string> ParseMountPoints(string mountinfo)
    {
        ArgumentNullException.ThrowIfNull(mountinfo);
        return [.. mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 4)
            .Select(fields => Unescape(fields[4]))];
    }

    /// <summary>Mount points at or below <paramref name="directory"/>, the most recent (innermost) first.</summary>
    public static IReadOnlyList<string> Below(IEnumerable<string> mountPoints, string directory)
    {
        var prefix = directory.TrimEnd('/') + "/";
        return [.. mountPoints.Where(m => m == directory.TrimEnd('/') || m.StartsWith(prefix, StringComparison.Ordinal)).Reverse()];
    }

    private static string Unescape(string field)
    {
        // mountinfo writes space, tab, newline and backslash as octal escapes (\040 ...).
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder();
        for (var index = 0; index < field.Length; index++)
        {
            if (field[index] == '\\' && index + 3 < field.Length && int.TryParse(field.AsSpan(index + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                builder.Append((char)Convert.ToInt32(field.Substring(index + 1, 3), 8));
                index += 3;
            }
            else
            {
                builder.Append(field[index]);
            }
        }

        return builder.ToString();
    }
}
