using Kiln.Common.Services;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Services;

public sealed class EnableUnitsTests
{
    [Fact]
    public async Task Every_unit_asked_for_is_enabled_once_in_one_call()
    {
        var runner = new FakeCommandRunner();
        var context = TestBuildContexts.Create(runner: runner);
        context.EnabledUnits.AddRange(["systemd-networkd.service", "kiln-ssh-host-keys.service", "systemd-networkd.service"]);

        await new EnableUnits().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["chroot", "/nonexistent/workspace/kiln-test/tree/root", "systemctl", "enable", "systemd-networkd.service", "kiln-ssh-host-keys.service"]]);
    }

    [Fact]
    public async Task No_units_run_nothing()
    {
        var runner = new FakeCommandRunner();

        await new EnableUnits().RunAsync(TestBuildContexts.Create(runner: runner), CancellationToken.None);

        runner.Commands.ShouldBeEmpty();
    }
}
