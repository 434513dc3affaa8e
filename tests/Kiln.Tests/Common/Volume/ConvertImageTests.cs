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

        context.Spec.Outputs.RequireDiskImage().Path.ShouldEndWith("/test-bookworm.qcow2");
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
    public async Task A_converted_image_is_written_under_a_temporary_name_until_the_build_publishes_it()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal)), runner);

        await new ConvertImage().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["qemu-img", "convert", "-f", "raw", "-O", "qcow2", "/nonexistent/workspace/kiln-test/disk.raw", "/nonexistent/output/.test-bookworm.qcow2.kiln-test"]]);
        context.Undo.Descriptions.ShouldBe(["remove the unfinished disk image (qcow2, 2GiB) /nonexistent/output/.test-bookworm.qcow2.kiln-test"]);
    }

    [Fact]
    public async Task A_raw_image_is_moved_into_place()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(runner: runner);

        await new ConvertImage().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["mv", "/nonexistent/workspace/kiln-test/disk.raw", "/nonexistent/output/.test-bookworm.raw.kiln-test"]]);
    }

    [Fact]
    public async Task A_failed_conversion_leaves_the_removal_of_the_unfinished_image_to_the_rollback()
    {
        var runner = new FakeCommandRunner().Returns("qemu-img", 1, standardError: "qemu-img: No space left on device");
        var context = TestBuildContexts.Create(TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: qcow2", StringComparison.Ordinal)), runner);

        await Should.ThrowAsync<CommandFailedException>(() => new ConvertImage().RunAsync(context, CancellationToken.None));

        context.Undo.Descriptions.ShouldBe(["remove the unfinished disk image (qcow2, 2GiB) /nonexistent/output/.test-bookworm.qcow2.kiln-test"]);
        context.Artifacts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_vhd_is_the_raw_disk_moved_into_place_with_its_footer_appended()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-vhd-").FullName;
        try
        {
            var spec = TestManifests.Bind(TestManifests.Minimal.Replace("backing: raw", "backing: vhd", StringComparison.Ordinal), options: TestManifests.Options with { OutputDirectory = directory });
            var runner = new FakeCommandRunner().Does("mv", command => File.WriteAllBytes(command.Argv[2], new byte[4096]));
            var context = TestBuildContexts.Create(spec, runner);

            await new ConvertImage().RunAsync(context, CancellationToken.None);

            var output = Path.Combine(directory, ".test-bookworm.vhd.kiln-test");
            runner.Argvs.ShouldBe([["mv", "/nonexistent/workspace/kiln-test/disk.raw", output]]);
            var bytes = File.ReadAllBytes(output);
            bytes.Length.ShouldBe(4096 + 512);
            bytes.AsSpan(4096).ToArray().ShouldBe(ConvertImage.FooterFor(spec, context.SourceDateEpoch?.Time ?? context.Manifest.BuildTime).ToBytes());
            new ConvertImage().RequiredTools(spec).ShouldBeEmpty("no qemu-img: Kiln writes the footer itself");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_vhd_footer_is_the_same_for_two_builds_of_one_manifest()
    {
        var yaml = TestManifests.Minimal.Replace("backing: raw", "backing: vhd", StringComparison.Ordinal);
        var time = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var first = ConvertImage.FooterFor(TestManifests.Bind(yaml, options: TestManifests.Options with { NewUuid = null }), time);
        var second = ConvertImage.FooterFor(TestManifests.Bind(yaml, options: TestManifests.Options with { NewUuid = null }), time);

        second.ToBytes().ShouldBe(first.ToBytes());
        first.DiskBytes.ShouldBe(2L << 30);
        ConvertImage.FooterFor(TestManifests.Bind(yaml.Replace("name: test", "name: other", StringComparison.Ordinal), options: TestManifests.Options with { NewUuid = null }), time).UniqueId.ShouldNotBe(first.UniqueId);
    }
}
