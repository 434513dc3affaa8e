using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tests.Disks;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class ClampFileTimesTests
{
    private const long Epoch = 1_700_000_000;

    private static readonly string[] MountPointAndParent = ["/var", "/var/tmp"];

    [Fact]
    public async Task Every_file_the_build_made_gets_the_epoch_before_the_filesystems_are_written()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal));
        image.Context.UseSourceDateEpoch(new SourceDateEpoch(Epoch, "a test"));
        var fstab = image.Write("/etc/fstab", "UUID=x / ext4 defaults 0 1\n");

        await new ClampFileTimes().RunAsync(image.Context, CancellationToken.None);

        new DateTimeOffset(File.GetLastWriteTimeUtc(fstab)).ToUnixTimeSeconds().ShouldBe(Epoch);
        new DateTimeOffset(Directory.GetLastWriteTimeUtc(image.Root)).ToUnixTimeSeconds().ShouldBe(Epoch);
    }

    [Fact]
    public async Task Without_an_epoch_the_build_has_skipped_resolving_the_release_and_says_so()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => new ClampFileTimes().RunAsync(image.Context, CancellationToken.None));

        error.Message.ShouldContain("ResolveRelease");
    }

    [Fact]
    public void Splitting_the_tree_into_filesystems_leaves_the_clamped_times_of_the_mount_point_and_its_parent()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, TestLayouts.Partition("root", "1GiB"), TestLayouts.Partition("var/tmp", "64MiB"));
        using var image = new TemporaryImageRoot(TestSpecs.WithLayout(layout));
        image.Write("/var/tmp/scratch", "x");
        TreeTimes.Clamp(image.Root, Epoch);

        var trees = PartitionTrees.Split(image.Context, layout);
        try
        {
            foreach (var directory in MountPointAndParent.Select(image.Context.Paths.InRoot))
            {
                new DateTimeOffset(Directory.GetLastWriteTimeUtc(directory)).ToUnixTimeSeconds().ShouldBe(Epoch, directory);
                new DateTimeOffset(Directory.GetLastAccessTimeUtc(directory)).ToUnixTimeSeconds().ShouldBe(Epoch, directory);
            }

            // Listed only now: listing a directory moves its access time.
            Directory.EnumerateFileSystemEntries(image.Context.Paths.InRoot("/var/tmp")).ShouldBeEmpty();
        }
        finally
        {
            trees.Restore();
        }

        File.Exists(image.Context.Paths.InRoot("/var/tmp/scratch")).ShouldBeTrue();
    }
}
