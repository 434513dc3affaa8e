using Kiln.Disks;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class FilesystemCommandsTests
{
    private const string Uuid = "00000000-0000-4000-8000-000000000001";

    [Fact]
    public void Ext4_for_bookworm_is_written_at_its_offset_and_filled_from_the_directory()
    {
        var command = FilesystemCommands.ExtAtOffset(FilesystemKind.Ext4, Uuid, "/build/root", "/build/disk.raw", ByteSize.FromMiB(1), ByteSize.Parse("2GiB"), ReleaseCatalog.Bookworm);

        command.Argv.ShouldBe(["mkfs.ext4", "-q", "-F", "-U", Uuid, "-E", "offset=1048576", "-d", "/build/root", "/build/disk.raw", "2097152k"]);
    }

    [Fact]
    public void Ext4_for_a_release_before_bookworm_turns_off_the_features_its_e2fsck_and_grub_cannot_read()
    {
        var command = FilesystemCommands.ExtAtOffset(FilesystemKind.Ext4, Uuid, "/build/root", "/build/disk.raw", ByteSize.FromMiB(257), ByteSize.FromMiB(255), ReleaseCatalog.Bullseye);

        command.Argv.ShouldBe(["mkfs.ext4", "-q", "-F", "-U", Uuid, "-O", "^orphan_file,^metadata_csum_seed", "-E", "offset=269484032", "-d", "/build/root", "/build/disk.raw", "261120k"]);
    }

    [Theory]
    [InlineData(FilesystemKind.Ext2, "buster")]
    [InlineData(FilesystemKind.Ext3, "stretch")]
    [InlineData(FilesystemKind.Ext4, "bookworm")]
    [InlineData(FilesystemKind.Ext4, "trixie")]
    [InlineData(FilesystemKind.Ext4, "sid")]
    public void Only_ext4_before_bookworm_needs_compatibility_options(FilesystemKind kind, string release)
    {
        FilesystemCommands.ExtCompatibility(kind, ReleaseCatalog.FindCodename(release)!).ShouldBeEmpty();
    }

    [Fact]
    public void Ext2_uses_its_own_mkfs()
    {
        var command = FilesystemCommands.ExtAtOffset(FilesystemKind.Ext2, Uuid, "/t/boot", "/t/disk.raw", ByteSize.FromMiB(1), ByteSize.FromMiB(255), ReleaseCatalog.Stretch);

        command.Argv.ShouldBe(["mkfs.ext2", "-q", "-F", "-U", Uuid, "-E", "offset=1048576", "-d", "/t/boot", "/t/disk.raw", "261120k"]);
    }

    [Fact]
    public void Xfs_and_btrfs_are_not_ext_filesystems()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FilesystemCommands.ExtProgram(FilesystemKind.Xfs));
    }

    [Fact]
    public void Btrfs_is_filled_from_the_directory_into_its_image_file()
    {
        FilesystemCommands.BtrfsFromDirectory(Uuid, "/t/root", "/t/scratch/p3.btrfs").Argv
            .ShouldBe(["mkfs.btrfs", "-q", "-f", "-U", Uuid, "--rootdir", "/t/root", "/t/scratch/p3.btrfs"]);
    }

    [Fact]
    public void Each_filesystem_on_a_device_gets_its_uuid_the_way_its_mkfs_takes_it()
    {
        FilesystemCommands.ForDevice(FilesystemKind.Xfs, Uuid, "/dev/loop3").Argv.ShouldBe(["mkfs.xfs", "-q", "-f", "-m", $"uuid={Uuid}", "/dev/loop3"]);
        FilesystemCommands.ForDevice(FilesystemKind.Btrfs, Uuid, "/dev/loop3").Argv.ShouldBe(["mkfs.btrfs", "-q", "-f", "-U", Uuid, "/dev/loop3"]);
        FilesystemCommands.ForDevice(FilesystemKind.Ext3, Uuid, "/dev/loop3").Argv.ShouldBe(["mkfs.ext3", "-q", "-F", "-U", Uuid, "/dev/loop3"]);
    }

    [Fact]
    public void A_format_command_template_gets_the_filesystem_the_device_and_the_size()
    {
        string[] template = ["mkfs.{fs}", "-L", "data", "-s", "{size}", "{device_path}"];

        var command = FilesystemCommands.FromTemplate(template, FilesystemKind.Xfs, "/dev/loop7", ByteSize.Parse("1536MiB"));

        command.Argv.ShouldBe(["mkfs.xfs", "-L", "data", "-s", "1536MiB", "/dev/loop7"]);
    }

    [Fact]
    public void A_field_can_appear_inside_an_argument()
    {
        var command = FilesystemCommands.FromTemplate(["mke2fs", "-t{fs}", "--dev={device_path}"], FilesystemKind.Ext4, "/dev/loop0", ByteSize.FromMiB(1));

        command.Argv.ShouldBe(["mke2fs", "-text4", "--dev=/dev/loop0"]);
    }

    [Fact]
    public void Copying_into_the_disk_seeks_in_bytes_keeps_the_rest_and_stays_sparse()
    {
        FilesystemCommands.CopyInto("/t/scratch/swap.img", "/t/disk.raw", ByteSize.FromMiB(256)).Argv
            .ShouldBe(["dd", "if=/t/scratch/swap.img", "of=/t/disk.raw", "bs=1M", "seek=268435456", "oflag=seek_bytes", "conv=sparse,notrunc", "status=none"]);
    }

    [Fact]
    public void Swap_gets_its_uuid()
    {
        FilesystemCommands.SwapFile(Uuid, "/t/swap.img").Argv.ShouldBe(["mkswap", "-U", Uuid, "/t/swap.img"]);
    }

    [Theory]
    [InlineData(FilesystemKind.Ext2, "mkfs.ext2", "e2fsprogs")]
    [InlineData(FilesystemKind.Ext4, "mkfs.ext4", "e2fsprogs")]
    [InlineData(FilesystemKind.Xfs, "mkfs.xfs", "xfsprogs")]
    [InlineData(FilesystemKind.Btrfs, "mkfs.btrfs", "btrfs-progs")]
    public void Each_filesystem_names_its_program_and_debian_package(FilesystemKind kind, string program, string package)
    {
        FilesystemCommands.ProgramFor(kind).ShouldBe(program);
        FilesystemCommands.PackageFor(kind).ShouldBe(package);
    }
}
