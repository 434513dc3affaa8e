using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class ExtInodeTimesTests
{
    /// <summary>What bookworm's dumpe2fs prints for a small filesystem (header and two of its groups, shortened).</summary>
    private const string Dumpe2fs = """
        Filesystem volume name:   <none>
        Inode count:              40
        Free inodes:              21
        First inode:              11
        Inodes per group:         20

        Group 0: (Blocks 0-8191) csum 0xd9c0 [ITABLE_ZEROED]
          Primary superblock at 0, Group descriptors at 1-1
          0 free blocks, 3 free inodes, 4 used directories, 0 unused inodes
          Free blocks:
          Free inodes: 15, 18-20
        Group 1: (Blocks 8192-16383) csum 0xdd6e [INODE_UNINIT, ITABLE_ZEROED]
          100 free blocks, 18 free inodes, 0 used directories, 18 unused inodes
          Free blocks: 8200-8299
          Free inodes: 23-40
        """;

    [Fact]
    public void The_inodes_in_use_are_the_root_and_every_ordinary_inode_no_group_lists_as_free()
    {
        ExtInodeTimes.InUse(Dumpe2fs).ShouldBe([2, 11, 12, 13, 14, 16, 17, 21, 22]);
    }

    [Fact]
    public void A_full_group_lists_no_free_inodes()
    {
        ExtInodeTimes.InUse("Inode count: 14\nFirst inode: 11\n  Free inodes: \n").ShouldBe([2, 11, 12, 13, 14]);
    }

    [Fact]
    public void Output_without_the_header_is_an_error_not_an_empty_list()
    {
        Should.Throw<KilnException>(() => ExtInodeTimes.InUse("  Free inodes: 1-5\n")).Message.ShouldBe("dumpe2fs printed no `Inode count:` line");
    }

    [Fact]
    public void Every_inode_gets_its_access_and_change_time_set_by_number()
    {
        ExtInodeTimes.Script([2, 11], 1700000000).ShouldBe(
            "sif <2> atime @1700000000\nsif <2> ctime @1700000000\nsif <11> atime @1700000000\nsif <11> ctime @1700000000\n");
    }

    [Fact]
    public void Dumpe2fs_and_debugfs_work_on_the_filesystem_at_its_offset_in_the_disk_file_at_the_epochs_time()
    {
        var list = ExtInodeTimes.ListCommand("/b/disk.raw", ByteSize.FromMiB(1), 5);
        var set = ExtInodeTimes.SetCommand("/b/disk.raw", ByteSize.FromMiB(1), "sif <2> atime @5\n", 5);

        list.Argv.ShouldBe(["dumpe2fs", "/b/disk.raw?offset=1048576"]);
        set.Argv.ShouldBe(["debugfs", "-w", "-f", "-", "/b/disk.raw?offset=1048576"]);
        set.StandardInput.ShouldBe("sif <2> atime @5\n");
        set.Environment["E2FSPROGS_FAKE_TIME"].ShouldBe("5");
        new[] { list, set }.ShouldAllBe(command => !command.LogsStandardOutput);
    }
}
