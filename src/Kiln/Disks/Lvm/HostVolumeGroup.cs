namespace Kiln.Disks.Lvm;

/// <summary>
/// What <c>backing: lvm</c> needs to know of the build host's volume group before it creates the disk's volume
/// there, and the one sentence that refuses when the group is not there, the volume is, or space is short.
/// </summary>
public sealed record HostVolumeGroup(string Name, long ExtentSize, long FreeExtents, IReadOnlyList<string> LogicalVolumes)
{
    /// <summary>The group from the reports of <c>vgs</c> and <c>lvs</c> (null when vgs found no such group).</summary>
    public static HostVolumeGroup? From(string name, string groupReport, string volumesReport)
    {
        var row = LvmReport.Rows(groupReport, "vg").FirstOrDefault(r => r.GetValueOrDefault("vg_name") == name);
        if (row is null)
        {
            return null;
        }

        var volumes = LvmReport.Rows(volumesReport, "lv").Select(r => r.GetValueOrDefault("lv_name", string.Empty)).ToList();
        return new HostVolumeGroup(name, LvmReport.Number(row, "vg_extent_size"), LvmReport.Number(row, "vg_free_count"), volumes);
    }

    /// <summary>Why the volume cannot be created, or null when it can.</summary>
    public static string? Refusal(HostVolumeGroup? group, string groupName, string volume, string temporaryName, ByteSize size)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        if (group is null)
        {
            return $"the volume group {groupName} does not exist on this host (vgs does not know it); create it, or name one that exists in volume.volumegroup";
        }

        if (group.LogicalVolumes.Contains(volume) || group.LogicalVolumes.Contains(temporaryName))
        {
            var existing = group.LogicalVolumes.Contains(volume) ? volume : temporaryName;
            return $"the logical volume {groupName}/{existing} exists already; Kiln does not overwrite it: remove it (lvremove {groupName}/{existing}) or choose another volume.logicalvolume";
        }

        var needed = (size.Bytes + group.ExtentSize - 1) / group.ExtentSize;
        return needed > group.FreeExtents
            ? $"the volume group {groupName} has {(group.FreeExtents * group.ExtentSize) >> 20} MiB free, but the disk needs {(needed * group.ExtentSize) >> 20} MiB; free some space in it, or make the partitions smaller"
            : null;
    }
}
