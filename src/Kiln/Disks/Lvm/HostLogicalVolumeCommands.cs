using System.Globalization;
using Kiln.Host;

namespace Kiln.Disks.Lvm;

/// <summary>
/// The command lines of <c>backing: lvm</c> on the build host's own volume group (pure: tests assert them). They
/// use the host's LVM configuration, so its metadata backups are kept as for any change to its groups.
/// </summary>
public static class HostLogicalVolumeCommands
{
    /// <summary>The group's extent size and free extents, as JSON; it fails when the group does not exist.</summary>
    public static CommandLine DescribeGroup(string group) =>
        Lvm("vgs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", "vg_name,vg_extent_size,vg_free_count", group);

    /// <summary>The names of the group's logical volumes, as JSON.</summary>
    public static CommandLine ListVolumes(string group) => Lvm("lvs", "--reportformat", "json", "-o", "lv_name", group);

    /// <summary>A new, active logical volume of <paramref name="size"/> (LVM rounds it up to whole extents), signatures at its start wiped.</summary>
    public static CommandLine Create(string group, string name, ByteSize size) =>
        Lvm("lvcreate", "--yes", "--wipesignatures", "y", "--size", $"{size.Bytes.ToString(CultureInfo.InvariantCulture)}b", "--name", name, group);

    public static CommandLine Remove(string group, string name) => Lvm("lvremove", "--yes", "--force", $"{group}/{name}");

    public static CommandLine Rename(string group, string from, string to) => Lvm("lvrename", group, from, to);

    /// <summary>Zeroes a block device (BLKZEROOUT: fast where the device can, written otherwise), so it reads as a new sparse disk file does.</summary>
    public static CommandLine Zero(string device) => new("blkdiscard", "--zeroout", device);

    private static CommandLine Lvm(string program, params string[] arguments) =>
        new CommandLine(program, arguments).WithEnvironment("LVM_SUPPRESS_FD_WARNINGS", "1");
}
