using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>
/// Checks of <c>volume.partitions</c> that come before the layout can be computed: root exists exactly once (a
/// partition or a logical volume), no mount point or swap is both, the volume group's partition is on a
/// partition table, and every logical volume's name is one LVM accepts.
/// </summary>
public static class VolumeStructure
{
    /// <summary>Parts of names LVM keeps for its own volumes (lvm-string.c's restrictions).</summary>
    private static readonly string[] ReservedParts =
        ["_cdata", "_cmeta", "_corig", "_cpool", "_cvol", "_mimage", "_mlog", "_pmspare", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata", "_vorigin", "_wcorig"];

    public static IReadOnlyList<ManifestError> Check(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<ManifestError>();
        if (document.Root.SelectToken("volume.partitions") is not JObject partitions)
        {
            return errors;
        }

        var group = partitions[VolumeGroupSpec.Key] as JObject;
        var volumes = group?["logicalvolumes"] as JObject ?? [];
        if (partitions["root"] is null && volumes["root"] is null)
        {
            errors.Add(document.ErrorAt(partitions, "`volume.partitions` has no `root`; give a partition `root`, or a logical volume `root` in `lvm.logicalvolumes`"));
        }

        foreach (var volume in volumes.Properties().Where(v => partitions[v.Name] is not null))
        {
            errors.Add(document.ErrorAt(volume, $"`{volume.Name}` is both a partition and a logical volume; keep one of them"));
        }

        if (group is not null && (string?)partitions["type"] == "none")
        {
            errors.Add(document.ErrorAt(partitions.Property(VolumeGroupSpec.Key), "an unpartitioned disk holds only `root`; a volume group (`lvm`) needs volume.partitions.type msdos or gpt"));
        }

        if (group?["volumegroup"] is JValue { Value: "." or ".." } name)
        {
            errors.Add(document.ErrorAt(name, $"LVM does not accept `{name}` as a volume group's name"));
        }

        CheckNames(document, volumes, errors);
        return errors;
    }

    private static void CheckNames(ManifestDocument document, JObject volumes, List<ManifestError> errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in volumes.Properties())
        {
            var given = volume.Value["name"];
            var name = (string?)given ?? (volume.Name == "swap" ? VolumeGroupSpec.DefaultSwapName : VolumeGroupSpec.NameFor(volume.Name));
            var at = (JToken?)given ?? volume;
            if (Problem(name) is { } problem)
            {
                errors.Add(document.ErrorAt(at, $"LVM does not accept `{name}` as the name of a logical volume ({problem}); give `{volume.Name}` another `name`"));
            }
            else if (seen.TryGetValue(name, out var other))
            {
                errors.Add(document.ErrorAt(at, $"the logical volumes `{other}` and `{volume.Name}` are both named `{name}`; give one of them another `name`"));
            }
            else
            {
                seen[name] = volume.Name;
            }
        }
    }

    /// <summary>Why LVM would refuse a logical volume's name, or null.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name is "." or "..")
        {
            return "it is a directory's name";
        }

        if (name.StartsWith("snapshot", StringComparison.Ordinal) || name.StartsWith("pvmove", StringComparison.Ordinal))
        {
            return "names starting with snapshot or pvmove are LVM's";
        }

        return ReservedParts.FirstOrDefault(part => name.Contains(part, StringComparison.Ordinal)) is { } reserved
            ? $"names containing {reserved} are LVM's"
            : null;
    }
}
