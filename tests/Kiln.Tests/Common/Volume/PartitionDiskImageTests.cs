using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Tests.Disks;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Volume;

public sealed class PartitionDiskImageTests
{
    [Fact]
    public async Task The_table_is_written_by_one_sfdisk_call_on_the_image_file_fed_the_script()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(TestSpecs.WithLayout(TestLayouts.GptForGrub()), runner);

        await new PartitionDiskImage().RunAsync(context, CancellationToken.None);

        var command = runner.Commands.ShouldHaveSingleItem();
        command.Argv.ShouldBe(["sfdisk", "--quiet", "--no-reread", "--no-tell-kernel", "/nonexistent/workspace/kiln-test/disk.raw"]);
        command.StandardInput.ShouldBe(SfdiskScript.Render(context.RequireLayout()));
    }
}
