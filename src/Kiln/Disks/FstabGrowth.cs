namespace Kiln.Disks;

/// <summary>Marks the root filesystem of an fstab for systemd-growfs (pure): <c>x-systemd.growfs</c> added to its options.</summary>
public static class FstabGrowth
{
    public const string Option = "x-systemd.growfs";

    public static string GrowRoot(string fstab)
    {
        ArgumentNullException.ThrowIfNull(fstab);
        var lines = fstab.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var fields = lines[index].Split('\t');
            if (lines[index].StartsWith('#') || fields.Length < 4 || fields[1] != "/")
            {
                continue;
            }

            var options = fields[3].Split(',');
            if (!options.Contains(Option, StringComparer.Ordinal))
            {
                fields[3] = string.Join(',', options.Append(Option));
                lines[index] = string.Join('\t', fields);
            }
        }

        return string.Join('\n', lines);
    }
}
