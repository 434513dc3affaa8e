using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class FatCommandsTests
{
    [Fact]
    public void The_esp_is_made_fat32_at_its_sector_in_the_disk_file_with_its_volume_id()
    {
        FilesystemCommands.FatAtOffset("1A2B-3C4D", "/b/disk.raw", ByteSize.FromMiB(4), ByteSize.FromMiB(124)).Argv
            .ShouldBe(["mkfs.vfat", "-F", "32", "-S", "512", "-s", "1", "-i", "1A2B3C4D", "--offset", "8192", "/b/disk.raw", "126976"]);
        FilesystemCommands.FatAtOffset("1A2B-3C4D", "/b/disk.raw", ByteSize.FromMiB(1), ByteSize.FromMiB(512)).Argv.ShouldContain("8");
    }

    [Fact]
    public void Mcopy_fills_it_without_a_mount_keeping_times()
    {
        var command = FilesystemCommands.FatCopy("/b/disk.raw", ByteSize.FromMiB(4), ["/t/EFI", "/t/loader"]);

        command.Argv.ShouldBe(["mcopy", "-s", "-p", "-m", "-Q", "-i", "/b/disk.raw@@4194304", "/t/EFI", "/t/loader", "::/"]);
        command.Environment["MTOOLS_SKIP_CHECK"].ShouldBe("1");
    }

    [Fact]
    public void A_fat_volume_id_is_eight_hex_digits_with_a_dash()
    {
        FatVolumeId.From(new Guid("4d3c2b1a-0000-4000-8000-000000000001")).ShouldBe("4D3C-2B1A");
    }
}
