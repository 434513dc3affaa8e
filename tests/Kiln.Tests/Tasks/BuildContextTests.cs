using Kiln.Specs;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

public sealed class BuildContextTests
{
    [Fact]
    public async Task An_epoch_the_spec_knows_reaches_the_bootstrapper_and_the_chroot_from_the_start()
    {
        var runner = new FakeCommandRunner();
        var spec = TestManifests.Bind(TestManifests.Minimal.Replace("bootstrapper: {}", "bootstrapper: {source_date_epoch: 1700000000}", StringComparison.Ordinal));

        var context = TestBuildContexts.Create(spec, runner);
        await context.Chroot.RunAsync(["chpasswd"], CancellationToken.None);

        context.SourceDateEpoch!.Seconds.ShouldBe(1700000000);
        context.BootstrapEnvironment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
        context.ImageEnvironment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
        runner.Commands.Single().Environment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
    }

    [Fact]
    public async Task Without_one_the_chroot_has_none_until_the_build_fixes_it()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(runner: runner);
        await context.Chroot.RunAsync(["true"], CancellationToken.None);

        context.UseSourceDateEpoch(new SourceDateEpoch(1757151021, "the Date of the mirror's trixie Release file"));
        await context.Chroot.RunAsync(["true"], CancellationToken.None);

        context.SourceDateEpoch.ShouldNotBeNull();
        runner.Commands[0].Environment.ContainsKey("SOURCE_DATE_EPOCH").ShouldBeFalse();
        runner.Commands[1].Environment["SOURCE_DATE_EPOCH"].ShouldBe("1757151021");
        context.BootstrapEnvironment["SOURCE_DATE_EPOCH"].ShouldBe("1757151021");
    }
}
