using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class FatCopyPlanTests
{
    private static readonly Dictionary<string, (string[] Directories, string[] Files)> Tree = new(StringComparer.Ordinal)
    {
        // Listed the way a filesystem might: not in name order.
        ["/t"] = (["/t/loader", "/t/EFI"], ["/t/startup.nsh"]),
        ["/t/EFI"] = (["/t/EFI/debian", "/t/EFI/BOOT"], []),
        ["/t/EFI/BOOT"] = ([], ["/t/EFI/BOOT/grubx64.efi", "/t/EFI/BOOT/BOOTX64.EFI"]),
        ["/t/EFI/debian"] = ([], ["/t/EFI/debian/shimx64.efi", "/t/EFI/debian/grub.cfg"]),
        ["/t/loader"] = ([], []),
    };

    [Fact]
    public void Files_go_in_sorted_per_directory_and_each_directory_is_made_from_an_empty_stand_in_before_it_is_filled()
    {
        var plan = FatCopyPlan.For("/t", d => (Tree[d].Directories, Tree[d].Files), "/s", "/b/disk.raw", ByteSize.FromMiB(1));

        plan.StandIns.ShouldBe(
        [
            new FatCopyPlan.StandIn("/s/0/EFI", "/t/EFI"),
            new FatCopyPlan.StandIn("/s/1/BOOT", "/t/EFI/BOOT"),
            new FatCopyPlan.StandIn("/s/2/debian", "/t/EFI/debian"),
            new FatCopyPlan.StandIn("/s/3/loader", "/t/loader"),
        ]);
        plan.Commands.Select(c => string.Join(' ', c.Argv.Skip(7))).ShouldBe(
        [
            "/t/startup.nsh ::/",
            "/s/0/EFI ::/",
            "/s/1/BOOT ::/EFI/",
            "/t/EFI/BOOT/BOOTX64.EFI /t/EFI/BOOT/grubx64.efi ::/EFI/BOOT/",
            "/s/2/debian ::/EFI/",
            "/t/EFI/debian/grub.cfg /t/EFI/debian/shimx64.efi ::/EFI/debian/",
            "/s/3/loader ::/",
        ]);
        plan.Commands.ShouldAllBe(c => string.Join(' ', c.Argv.Take(7)) == "mcopy -s -p -m -Q -i /b/disk.raw@@1048576");
    }

    [Fact]
    public void An_empty_tree_needs_no_command()
    {
        var plan = FatCopyPlan.For("/t", _ => ([], []), "/s", "/b/disk.raw", ByteSize.FromMiB(1));

        plan.StandIns.ShouldBeEmpty();
        plan.Commands.ShouldBeEmpty();
    }

    [Fact]
    public void The_real_listing_tells_directories_from_files_and_counts_a_link_as_a_file()
    {
        var root = Directory.CreateTempSubdirectory("kiln-fat-list-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "EFI"));
            File.WriteAllText(Path.Combine(root, "a.efi"), "a");
            File.CreateSymbolicLink(Path.Combine(root, "link"), Path.Combine(root, "EFI"));

            var (directories, files) = FatCopyPlan.List(root);

            directories.ShouldBe([Path.Combine(root, "EFI")]);
            files.Order(StringComparer.Ordinal).ShouldBe([Path.Combine(root, "a.efi"), Path.Combine(root, "link")]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
