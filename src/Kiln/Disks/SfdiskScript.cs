using System.Text;

namespace Kiln.Disks;

/// <summary>Renders a <see cref="DiskLayout"/> as an sfdisk script, so the table is written in one call on the image file.</summary>
public static class SfdiskScript
{
    public const string LinuxFilesystemGuid = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
    public const string LinuxSwapGuid = "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F";
    public const string BiosBootGuid = "21686148-6449-6E6F-744E-656564454649";

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
        script.Append("unit: sectors\n");
        if (gpt)
        {
            script.Append("first-lba: 2048\n");
        }

        script.Append('\n');
        foreach (var partition in layout.Partitions.OrderBy(p => p.Number))
        {
            script.Append($"start={partition.Start.Sectors}, size={partition.Size.Sectors}, type={TypeOf(partition, gpt)}");
            if (gpt)
            {
                script.Append($", name=\"{partition.Label}\"");
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
        (PartitionRole.BiosBoot, _) => BiosBootGuid,
        (PartitionRole.Swap, true) => LinuxSwapGuid,
        (PartitionRole.Swap, false) => "82",
        (PartitionRole.Extended, _) => "5",
        (_, true) => LinuxFilesystemGuid,
        _ => "83",
    };
}
