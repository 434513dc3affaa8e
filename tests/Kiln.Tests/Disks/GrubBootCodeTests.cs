using System.Buffers.Binary;
using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class GrubBootCodeTests
{
    [Fact]
    public void The_mbr_gets_the_first_440_bytes_of_boot_img_with_the_core_sector_at_0x5c()
    {
        var boot = Pattern(512, 3);
        var (mbr, _) = GrubBootCode.Prepare(boot, Pattern(1024, 7), coreSector: 2048);

        mbr.Length.ShouldBe(440);
        BinaryPrimitives.ReadInt64LittleEndian(mbr.AsSpan(0x5c, 8)).ShouldBe(2048);
        mbr.AsSpan(0, 0x5c).ToArray().ShouldBe(boot[..0x5c]);
        mbr.AsSpan(0x68).ToArray().ShouldBe(boot[0x68..440]);
    }

    [Fact]
    public void The_boot_drive_check_at_0x66_is_turned_on_by_replacing_its_jump_with_two_nops()
    {
        var boot = Pattern(512, 3);
        var (mbr, _) = GrubBootCode.Prepare(boot, Pattern(1024, 7), coreSector: 1);

        mbr[0x66].ShouldBe((byte)0x90);
        mbr[0x67].ShouldBe((byte)0x90);
        mbr[0x64].ShouldBe(boot[0x64]);
        mbr[0x65].ShouldBe(boot[0x65]);
    }

    [Fact]
    public void Core_img_is_told_that_the_rest_of_it_starts_at_the_sector_after_its_first()
    {
        var core = Pattern(1536, 7);
        var (_, patched) = GrubBootCode.Prepare(Pattern(512, 3), core, coreSector: 2048);

        patched.Length.ShouldBe(1536);
        BinaryPrimitives.ReadInt64LittleEndian(patched.AsSpan(0x1F4, 8)).ShouldBe(2049);
        patched.AsSpan(0, 0x1F4).ToArray().ShouldBe(core[..0x1F4]);
        patched.AsSpan(0x1FC).ToArray().ShouldBe(core[0x1FC..]);
    }

    [Fact]
    public void The_input_images_are_left_unchanged()
    {
        var boot = Pattern(512, 3);
        var core = Pattern(1024, 7);

        GrubBootCode.Prepare(boot, core, coreSector: 1);

        boot.ShouldBe(Pattern(512, 3));
        core.ShouldBe(Pattern(1024, 7));
    }

    [Fact]
    public void Boot_img_must_be_one_sector_and_core_img_at_least_one()
    {
        Should.Throw<ArgumentException>(() => GrubBootCode.Prepare(new byte[511], new byte[512], 1)).Message.ShouldStartWith("boot.img must be 512 bytes, not 511");
        Should.Throw<ArgumentException>(() => GrubBootCode.Prepare(new byte[512], new byte[511], 1)).Message.ShouldStartWith("core.img is shorter than one sector");
    }

    [Fact]
    public void On_msdos_core_img_goes_after_the_mbr_and_may_fill_the_gap_before_the_first_partition()
    {
        GrubBootCode.CoreLocation(TestLayouts.MsdosRootOnly()).ShouldBe((1L, (1024L * 1024) - 512));
    }

    [Fact]
    public void On_gpt_core_img_goes_into_the_bios_boot_partition()
    {
        GrubBootCode.CoreLocation(TestLayouts.GptForGrub()).ShouldBe((2048L, 1024L * 1024));
    }

    [Fact]
    public void A_gpt_disk_without_a_bios_boot_partition_has_no_place_for_core_img()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Gpt, Bootloader.Extlinux, null, TestLayouts.Partition("root", "1GiB"));

        Should.Throw<InvalidOperationException>(() => GrubBootCode.CoreLocation(layout)).Message.ShouldBe("a GPT disk booted by GRUB needs a BIOS boot partition");
    }

    private static byte[] Pattern(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * seed) + 1))];
}
