using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class SfdiskScriptTests
{
    [Fact]
    public void An_msdos_script_lists_primary_extended_and_logical_partitions_with_the_boot_flag()
    {
        Golden.Verify(SfdiskScript.Render(TestLayouts.MsdosWithLogicalPartitions()));
    }

    [Fact]
    public void A_gpt_script_names_the_partitions_and_marks_the_bootable_one_legacy_bios_bootable()
    {
        Golden.Verify(SfdiskScript.Render(TestLayouts.GptForGrub()));
    }

    [Fact]
    public void A_gpt_swap_partition_gets_the_linux_swap_type()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Gpt, Bootloader.Extlinux, "64MiB", TestLayouts.Partition("root", "1GiB"));

        SfdiskScript.Render(layout).Split('\n').ShouldContain($"part1 : start=2048, size=129024, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name=\"swap\", uuid={layout.Swap!.PartitionUuid}");
    }

    [Fact]
    public void An_unpartitioned_disk_has_no_script()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.None, Bootloader.Extlinux, null, TestLayouts.Partition("root", "1GiB"));

        Should.Throw<InvalidOperationException>(() => SfdiskScript.Render(layout)).Message.ShouldBe("an unpartitioned disk has no partition table");
    }
}
