using System.Globalization;

namespace Kiln.Disks.Lvm;

/// <summary>
/// Compares what LVM wrote with the layout Kiln computed at resolve time (the filesystems are written at the
/// layout's offsets, so they must agree): every difference, in words.
/// </summary>
public static class VolumeGroupCheck
{
    public static IReadOnlyList<string> Differences(VolumeGroupLayout expected, PhysicalVolumeReport physicalVolume, IReadOnlyList<(string Name, string Extents)> segments)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(physicalVolume);
        ArgumentNullException.ThrowIfNull(segments);
        var differences = new List<string>();
        Compare(differences, "the physical volume's UUID", physicalVolume.Uuid, expected.PhysicalVolume.Uuid);
        Compare(differences, "its volume group", physicalVolume.VolumeGroup, expected.Name);
        Compare(differences, "its data start (pe_start)", physicalVolume.DataStart, expected.DataStart.Bytes);
        Compare(differences, "the extent size", physicalVolume.ExtentSize, expected.ExtentSize.Bytes);
        Compare(differences, "the number of extents", physicalVolume.ExtentCount, expected.ExtentCount);
        foreach (var volume in expected.LogicalVolumes.Select(v => v.LogicalVolume!))
        {
            var found = segments.Where(s => s.Name == volume.Name).Select(s => s.Extents).ToList();
            var wanted = $"{volume.FirstExtent.ToString(CultureInfo.InvariantCulture)}-{volume.LastExtent.ToString(CultureInfo.InvariantCulture)}";
            if (found.Count != 1 || found[0] != wanted)
            {
                differences.Add($"{volume.Name} takes extents {(found.Count == 0 ? "none" : string.Join(", ", found))}, not {wanted}");
            }
        }

        foreach (var extra in segments.Select(s => s.Name).Distinct(StringComparer.Ordinal).Where(name => expected.LogicalVolumes.All(v => v.LogicalVolume!.Name != name)))
        {
            differences.Add($"it has a logical volume {extra} that the layout does not");
        }

        return differences;
    }

    private static void Compare<T>(List<string> differences, string what, T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            differences.Add($"{what} is {actual}, not {expected}");
        }
    }
}
