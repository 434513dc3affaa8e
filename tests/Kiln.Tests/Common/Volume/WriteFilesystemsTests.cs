using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tests.Disks;
using Kiln.Tests.Fakes;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class WriteFilesystemsTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public async Task A_filesystem_whose_files_do_not_fit_fails_with_what_to_increase()
    {
        var runner = new FakeCommandRunner().Returns("mkfs.ext4", 1, standardError: "Could not allocate block in ext2 filesystem while populating file system");
        var context = ContextWithRoot(runner, rootSize: "2MiB", fileBytes: 3 << 20);

        var failure = await Should.ThrowAsync<UserInputException>(() => new WriteFilesystems().RunAsync(context, CancellationToken.None));

        failure.Message.ShouldBe($"the files for / take about 3 MiB, but its partition holds {context.RequireLayout().Filesystems.Single().Size.Bytes >> 20} MiB; increase volume.partitions.root.size");
        failure.InnerException.ShouldBeOfType<CommandFailedException>();
    }

    [Fact]
    public async Task A_failure_of_a_filesystem_whose_files_fit_is_not_blamed_on_its_size()
    {
        var runner = new FakeCommandRunner().Returns("mkfs.ext4", 1, standardError: "some other trouble");
        var context = ContextWithRoot(runner, rootSize: "64MiB", fileBytes: 1 << 20);

        await Should.ThrowAsync<CommandFailedException>(() => new WriteFilesystems().RunAsync(context, CancellationToken.None));
    }

    [Fact]
    public async Task A_filesystem_mkfs_could_fill_is_not_refused_by_the_estimate()
    {
        var runner = new FakeCommandRunner();
        var context = ContextWithRoot(runner, rootSize: "2MiB", fileBytes: 3 << 20);

        await new WriteFilesystems().RunAsync(context, CancellationToken.None);

        runner.Commands[0].Program.ShouldBe("mkfs.ext4");
    }

    private Kiln.Tasks.BuildContext ContextWithRoot(FakeCommandRunner runner, string rootSize, int fileBytes)
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Msdos, Bootloader.Grub, null, TestLayouts.Partition("root", rootSize));
        var context = _workspace.Context(TestSpecs.WithLayout(layout), runner);
        Directory.CreateDirectory(context.Paths.Root);
        File.WriteAllBytes(Path.Combine(context.Paths.Root, "big"), new byte[fileBytes]);
        return context;
    }

    public void Dispose() => _workspace.Dispose();
}
