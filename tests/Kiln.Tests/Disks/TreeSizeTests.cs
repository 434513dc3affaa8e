using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class TreeSizeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiln-treesize-").FullName;

    [Fact]
    public void Counts_a_block_and_an_inode_per_directory_and_whole_blocks_per_file()
    {
        Directory.CreateDirectory(Path.Combine(_root, "etc"));
        File.WriteAllBytes(Path.Combine(_root, "etc", "hostname"), new byte[5000]);

        // two directories (4096 + 256 each) and a file of two blocks (8192 + 256)
        TreeSize.Estimate(_root).Bytes.ShouldBe((2 * (4096 + 256)) + 8192 + 256);
    }

    [Fact]
    public void Does_not_enter_the_mount_points_it_is_given()
    {
        var proc = Directory.CreateDirectory(Path.Combine(_root, "proc")).FullName;
        File.WriteAllBytes(Path.Combine(proc, "kcore"), new byte[1 << 20]);

        TreeSize.Estimate(_root, [proc + "/"]).Bytes.ShouldBe(2 * (4096 + 256));
        TreeSize.Estimate(_root).Bytes.ShouldBe((2 * (4096 + 256)) + (1 << 20) + 256);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
