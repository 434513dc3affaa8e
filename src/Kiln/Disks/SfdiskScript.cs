using System.Text;

namespace Kiln.Disks;

/// <summary>Renders a <see cref="DiskLayout"/> as an sfdisk script, so the table is written in one call on the image file.</summary>
public static class SfdiskScript
{
    public const string LinuxFilesystemGuid = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
    public const string LinuxSwapGuid = "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F";
    public const string BiosBootGuid = "21686148-6449-6E6F-744E-656564454649";
    public const string EspGuid = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
    public const string LinuxLvmGuid = "E6D6D379-F507-44C2-A23C-238F2A3DF928";

    public static string Render(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Map == PartitionMapKind.None)
        {
            throw new InvalidOperationException("an unpartitioned disk has no partition table");
        }

        var gpt = layout.Map == PartitionMapKind.Gpt;
        var script = new StringBuilder();
        script.Append(gpt ? "label: gpt\n" : "label: dos\n");
        if (layout.DiskId is { } diskId)
        {
            // Given, not left to sfdisk, which picks a random one: the disk must be the same every build.
            script.Append($"label-id: {diskId}\n");
        }

        script.Append("unit: sectors\n");
        if (gpt)
        {
            script.Append("first-lba: 2048\n");
        }

        script.Append('\n');
        foreach (var partition in layout.Partitions.OrderBy(p => p.Number))
        {
            // Named by number, so GPT partitions can be numbered apart from their order on the disk (p14, p15, p1).
            script.Append($"part{partition.Number} : start={partition.Start.Sectors}, size={partition.Size.Sectors}, type={TypeOf(partition, gpt)}");
            if (gpt)
            {
                script.Append($", name=\"{partition.Label}\"");
                if (partition.PartitionUuid is { } uuid)
                {
                    script.Append($", uuid={uuid}");
                }

                if (partition.Bootable)
                {
                    script.Append(", attrs=\"LegacyBIOSBootable\"");
                }
            }
            else if (partition.Bootable)
            {
                script.Append(", bootable");
            }

            script.Append('\n');
        }

        return script.ToString();
    }

    private static string TypeOf(DiskPartition partition, bool gpt) => (partition.Role, gpt) switch
    {
        (_, true) when partition.TypeGuid is { } type => type,
        (PartitionRole.BiosBoot, _) => BiosBootGuid,
        (PartitionRole.Esp, true) => EspGuid,
        (PartitionRole.Esp, false) => "ef",
        (PartitionRole.Swap, true) => LinuxSwapGuid,
        (PartitionRole.Swap, false) => "82",
        (PartitionRole.Extended, _) => "5",
        (PartitionRole.PhysicalVolume, true) => LinuxLvmGuid,
        (PartitionRole.PhysicalVolume, false) => "8e",
        (_, true) => LinuxFilesystemGuid,
        _ => "83",
    };
}
