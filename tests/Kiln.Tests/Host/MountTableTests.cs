using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class MountTableTests
{
    private const string Mountinfo = """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        36 22 0:5 / /var/tmp/kiln/b1/root/proc rw,nosuid - proc proc rw
        37 22 0:6 / /var/tmp/kiln/b1/root/dev rw - devtmpfs udev rw
        38 37 0:7 / /var/tmp/kiln/b1/root/dev/pts rw - devpts devpts rw
        39 22 7:0 / /mnt/my\040disk\011tab rw - ext4 /dev/loop0 rw
        40 22 7:1 / /var/tmp/kiln/b1/rootfs rw - ext4 /dev/loop1 rw
        """;

    [Fact]
    public void Mount_points_are_read_in_mountinfo_order_with_octal_escapes_decoded()
    {
        MountTable.ParseMountPoints(Mountinfo).ShouldBe(
        [
            "/",
            "/var/tmp/kiln/b1/root/proc",
            "/var/tmp/kiln/b1/root/dev",
            "/var/tmp/kiln/b1/root/dev/pts",
            "/mnt/my disk\ttab",
            "/var/tmp/kiln/b1/rootfs",
        ]);
    }

    [Fact]
    public void Short_or_empty_lines_are_skipped()
    {
        MountTable.ParseMountPoints("\n1 2 3\n22 1 8:1 / /boot rw - ext2 /dev/sda2 rw\n").ShouldBe(["/boot"]);
    }

    [Fact]
    public void Mounts_below_a_directory_come_innermost_first()
    {
        var mounts = MountTable.ParseMountPoints(Mountinfo);

        MountTable.Below(mounts, "/var/tmp/kiln/b1/root").ShouldBe(
        [
            "/var/tmp/kiln/b1/root/dev/pts",
            "/var/tmp/kiln/b1/root/dev",
            "/var/tmp/kiln/b1/root/proc",
        ]);
    }

    [Fact]
    public void A_directory_whose_name_only_starts_the_same_is_not_below()
    {
        MountTable.Below(["/a/b", "/a/bc", "/a/b/c"], "/a/b/").ShouldBe(["/a/b/c", "/a/b"]);
    }
}
