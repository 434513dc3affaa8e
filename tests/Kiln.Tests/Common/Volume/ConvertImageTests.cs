using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class ConvertImageTests
{
    [Fact]
    public void Qcow2_is_converted_from_raw_with_qemu_img()
    {
        ConvertImage.ConvertCommand("/b/disk.raw", "/out/debian.qcow2", DiskImageFormat.Find("qcow2")!).Argv
            .ShouldBe(["qemu-img", "convert", "-f", "raw", "-O", "qcow2", "/b/disk.raw", "/out/debian.qcow2"]);
    }

    [Fact]
    public void Vhd_is_written_as_a_fixed_size_vpc_image()
    {
        ConvertImage.ConvertCommand("/b/disk.raw", "/out/debian.vhd", DiskImageFormat.Find("vhd")!).Argv
            .ShouldBe(["qemu-img", "convert", "-f", "raw", "-O", "vpc", "-o", "subformat=fixed,force_size=on", "/b/disk.raw", "/out/debian.vhd"]);
    }

    [Fact]
    public void The_image_is_named_after_the_manifest_in_the_output_directory()
    {
        var context = TestBuildContexts.Create(TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal)));

        ConvertImage.OutputPath(context).ShouldBe("/nonexistent/output/test-bookworm.qcow2");
    }

    [Fact]
    public void Only_a_converted_image_needs_qemu_img()
    {
        var task = new ConvertImage();

        task.RequiredTools(TestManifests.Bind(TestManifests.Minimal)).ShouldBeEmpty();
        task.RequiredTools(TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal)))
            .ShouldBe([new Kiln.Tasks.HostTool("qemu-img", "qemu-utils")]);
    }

    [Fact]
    public async Task A_converted_image_becomes_the_builds_artifact()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal)), runner);

        await new ConvertImage().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["qemu-img", "convert", "-f", "raw", "-O", "qcow2", "/nonexistent/workspace/kiln-test/disk.raw", "/nonexistent/output/test-bookworm.qcow2"]]);
        context.Artifacts.ShouldBe(["/nonexistent/output/test-bookworm.qcow2"]);
        context.Undo.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_raw_image_is_moved_into_place()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(runner: runner);

        await new ConvertImage().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["mv", "/nonexistent/workspace/kiln-test/disk.raw", "/nonexistent/output/test-bookworm.raw"]]);
    }

    [Fact]
    public async Task A_failed_conversion_leaves_the_removal_of_the_unfinished_image_to_the_rollback()
    {
        var runner = new FakeCommandRunner().Returns("qemu-img", 1, standardError: "qemu-img: No space left on device");
        var context = TestBuildContexts.Create(TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal)), runner);

        await Should.ThrowAsync<CommandFailedException>(() => new ConvertImage().RunAsync(context, CancellationToken.None));

        context.Undo.Descriptions.ShouldBe(["remove the unfinished /nonexistent/output/test-bookworm.qcow2"]);
        context.Artifacts.ShouldBeEmpty();
    }
}
