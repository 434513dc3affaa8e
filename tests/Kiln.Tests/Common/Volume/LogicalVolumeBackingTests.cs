using Kiln.Common.Volume;
using Kiln.Specs;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

/// <summary>backing: lvm: its keys, its output and the tasks that write onto and publish it (creating it needs device-mapper, which the host under test may lack).</summary>
public sealed class LogicalVolumeBackingTests
{
    private static readonly LogicalVolumeOutput Output = new("vgtest", "lvtest", Kiln.Disks.ByteSize.FromMiB(1024));

    [Fact]
    public void Backing_lvm_names_the_hosts_volume_group_and_the_new_volume()
    {
        var spec = TestManifests.Read(TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  volumegroup: vgtest\n  logicalvolume: lvtest", StringComparison.Ordinal));

        spec.Manifest.Volume.BackingVolumeGroup.ShouldBe("vgtest");
        spec.Manifest.Volume.BackingLogicalVolume.ShouldBe("lvtest");
        var output = spec.Outputs.LogicalVolume.ShouldNotBeNull();
        output.Location.ShouldBe("/dev/vgtest/lvtest");
        output.VirtualSize.ShouldBe(Kiln.Disks.ByteSize.FromMiB(2048));
        spec.Outputs.DiskImage.ShouldBeNull();
    }

    [Fact]
    public void Backing_lvm_without_a_volume_group_or_volume_is_reported_at_the_backing()
    {
        TestManifests.ErrorsOf(TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  volumegroup: vgtest", StringComparison.Ordinal), "m.yml").Select(e => e.ToString()).ShouldBe(
            ["m.yml:8:12: backing lvm writes the disk onto a new logical volume of the build host; name its volume group and the volume with `volumegroup` and `logicalvolume` in `volume`"]);
    }

    [Fact]
    public void A_volume_group_for_another_backing_is_reported_at_its_key()
    {
        TestManifests.ErrorsOf(TestManifests.Minimal.Replace("backing: raw", "backing: raw\n  volumegroup: vgtest", StringComparison.Ordinal), "m.yml").Select(e => e.ToString()).ShouldBe(
            ["m.yml:9:3: `volume.volumegroup` is for backing lvm (the disk on a logical volume of the build host); this image's backing is raw"]);
    }

    [Fact]
    public void Minimize_size_cannot_shrink_a_logical_volume()
    {
        var manifest = TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  volumegroup: vgtest\n  logicalvolume: lvtest", StringComparison.Ordinal) + "\nplugins:\n  minimize_size: {shrink: qemu-img}\n";

        TestManifests.ErrorsOf(manifest, "m.yml").Select(e => e.ToString()).ShouldBe(
            ["m.yml:17:27: backing lvm writes the disk onto a logical volume, which has no image file for qemu-img to shrink; leave out shrink"]);
    }

    [Fact]
    public void The_output_is_the_volumes_device_path_and_its_lock_is_host_wide()
    {
        Output.Location.ShouldBe("/dev/vgtest/lvtest");
        Output.LockTarget.ShouldBe("/run/kiln/lvm/vgtest/lvtest");
        Output.TemporaryName("kiln-20260101-000000-aaaaaa").ShouldBe("lvtest.kiln-20260101-000000-aaaaaa");
        Output.Kind.ShouldBe("logical volume (1GiB)");
    }

    [Fact]
    public async Task Publishing_renames_the_volume_and_keeps_it_from_the_rollback()
    {
        var runner = new FakeCommandRunner();
        var spec = TestManifests.Read(TestManifests.Minimal.Replace("backing: raw", "backing: lvm\n  volumegroup: vgtest\n  logicalvolume: lvtest", StringComparison.Ordinal));
        var context = TestBuildContexts.Create(spec, runner);
        var state = context.StateOf<LogicalVolumeState>();
        state.TemporaryName = "lvtest.kiln-test";
        state.Removal = context.Undo.Push("remove the unfinished logical volume vgtest/lvtest.kiln-test", _ => Task.CompletedTask);

        await new PublishLogicalVolume().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["lvrename", "vgtest", "lvtest.kiln-test", "lvtest"]]);
        context.Undo.Count.ShouldBe(0);
        context.Artifacts.ShouldBe(["/dev/vgtest/lvtest"]);
    }

    [Fact]
    public async Task A_block_device_becomes_the_disk_once_it_is_zeroed()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(runner: runner);
        context.DiskPath.ShouldBe(context.Paths.RawDisk);

        await BlockDeviceDisk.UseAsync(context, "/dev/vgtest/lvtest.kiln-test", CancellationToken.None);

        runner.Argvs.ShouldBe([["blkdiscard", "--zeroout", "/dev/vgtest/lvtest.kiln-test"]]);
        context.DiskPath.ShouldBe("/dev/vgtest/lvtest.kiln-test");
    }

    [Fact]
    public async Task Every_disk_writer_writes_to_the_block_device()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(TestSpecs.WithLayout(Disks.TestLayouts.GptForGrub()), runner);
        context.DiskPath = "/dev/loop9";

        await new PartitionDiskImage().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["sfdisk", "--quiet", "--no-reread", "--no-tell-kernel", "/dev/loop9"]]);
    }
}
