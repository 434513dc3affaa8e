using System.Globalization;
using Kiln.Host;

namespace Kiln.Disks.Lvm;

/// <summary>
/// The LVM command lines that write the image's volume group onto its physical volume (pure: tests assert them).
/// Every command runs with activation off (<c>--driverloaded n</c>: it neither needs nor touches device-mapper, so
/// it works on hosts without it and leaves hosts with it alone), sees only the one device (<c>--devices</c>: not
/// the host's volume groups, nor another build's group of the same name), and reads the build's own
/// configuration (<see cref="LvmConfiguration"/>). The group is created with autoactivation off, so a host's udev
/// does not activate it while it is written, and turned on last, for the booted image.
/// </summary>
public sealed class LvmCommands(string device, string systemDirectory)
{
    public string Device { get; } = device;

    /// <summary>pvcreate, vgcreate, one lvcreate per volume in disk order, and the vgchange that allows autoactivation.</summary>
    public IReadOnlyList<CommandLine> Create(VolumeGroupLayout group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var commands = new List<CommandLine>
        {
            Inactive("pvcreate", "--yes", "--uuid", group.PhysicalVolume.Uuid!, "--norestorefile", "--dataalignment", Kibibytes(group.DataStart), Device),
            Inactive("vgcreate", "--physicalextentsize", Kibibytes(group.ExtentSize), "--setautoactivation", "n", group.Name, Device),
        };
        foreach (var volume in group.LogicalVolumes.OrderBy(v => v.LogicalVolume!.FirstExtent))
        {
            var placement = volume.LogicalVolume!;
            commands.Add(Inactive("lvcreate", "--activate", "n", "--zero", "n", "--wipesignatures", "n", "--yes",
                "--name", placement.Name, "--extents", placement.Extents.ToString(CultureInfo.InvariantCulture), group.Name));
        }

        commands.Add(Inactive("vgchange", "--setautoactivation", "y", group.Name));
        return commands;
    }

    /// <summary>The physical volume as LVM wrote it: where its data starts, the extent size, the extent count, in bytes as JSON.</summary>
    public CommandLine ReportPhysicalVolume() =>
        Inactive("pvs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", "pv_name,pv_uuid,vg_name,pe_start,vg_extent_size,pv_pe_count", Device);

    /// <summary>Every logical volume's extents, one row per segment, as JSON.</summary>
    public CommandLine ReportLogicalVolumes(string group) => Inactive("lvs", "--reportformat", "json", "-o", "lv_name,seg_pe_ranges", group);

    /// <summary>Deactivates the group on a build host whose udev activated it after all (it then holds the loop device).</summary>
    public CommandLine Deactivate(string group) => Lvm("vgchange", ["--devices", Device, "--activate", "n", group]);

    private CommandLine Inactive(string program, params string[] arguments) => Lvm(program, ["--driverloaded", "n", "--devices", Device, .. arguments]);

    private CommandLine Lvm(string program, IEnumerable<string> arguments) =>
        new CommandLine(program, arguments)
            .WithEnvironment(LvmConfiguration.SystemDirectoryVariable, systemDirectory)
            .WithEnvironment("LVM_SUPPRESS_FD_WARNINGS", "1");

    private static string Kibibytes(ByteSize size) => (size.Bytes / 1024).ToString(CultureInfo.InvariantCulture) + "k";
}
