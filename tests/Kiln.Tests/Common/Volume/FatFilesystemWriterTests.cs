using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class FatFilesystemWriterTests : IDisposable
{
    private readonly FakeCommandRunner _runner = new();

    private readonly string _tree = Directory.CreateTempSubdirectory("kiln-fat-writer-").FullName;

    [Fact]
    public async Task Mkfs_fat_takes_its_times_from_the_epoch_and_mcopy_writes_utc_times_in_name_order()
    {
        Directory.CreateDirectory(Path.Combine(_tree, "EFI", "BOOT"));
        var volume = new VolumeSection { PartitionMap = PartitionMapKind.Gpt, Partitions = [Tests.Disks.TestLayouts.Partition("root", "1GiB")] };
        var esp = DiskLayoutCalculator.Calculate(volume, new LayoutNeeds(BiosBootPartition: false, EfiSystemPartition: true, Architectures.Amd64.RootPartitionType), DiskIdentifiers.Sequence(new SequentialGuids().Next)).Esp!;
        using var workspace = new Plugins.TemporaryWorkspace();
        var context = workspace.Context(TestManifests.Bind(TestManifests.Minimal), _runner);
        context.UseSourceDateEpoch(new SourceDateEpoch(1700000000, "a test"));

        await new FatFilesystemWriter().WriteAsync(context, esp, _tree, CancellationToken.None);

        var (mkfs, mcopy) = (_runner.Commands[0], _runner.Commands[1]);
        mkfs.Argv[0].ShouldBe("mkfs.vfat");
        mkfs.Environment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
        mkfs.Environment["TZ"].ShouldBe("UTC");
        mcopy.Argv.ShouldContain(Path.Combine(context.Paths.Scratch, $"fat-directories-{esp.Number}", "0", "EFI"), "the directory is made from an empty stand-in with its times");
        _runner.Commands[2].Argv[^1].ShouldBe("::/EFI/");
        Directory.Exists(Path.Combine(context.Paths.Scratch, $"fat-directories-{esp.Number}")).ShouldBeFalse("the stand-ins are removed");
        mcopy.Environment["TZ"].ShouldBe("UTC");
        mcopy.Environment["MTOOLS_SKIP_CHECK"].ShouldBe("1");
    }

    public void Dispose() => Directory.Delete(_tree, recursive: true);
}
