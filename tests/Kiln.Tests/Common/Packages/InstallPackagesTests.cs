using Kiln.Common.Packages;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Packages;

public sealed class InstallPackagesTests
{
    private readonly FakeCommandRunner _runner = new();

    [Fact]
    public async Task What_the_bootstrap_did_not_install_is_installed_with_apt_in_the_chroot()
    {
        var context = TestBuildContexts.Create(runner: _runner);
        context.Packages.Add("curl").Add("linux-image-amd64", "bookworm-backports").Add("vim");
        context.Packages.MarkInstalled([new("curl")]);
        context.DebconfSelections.Add("grub-pc grub-pc/install_devices_empty boolean true");

        await new InstallPackages().RunAsync(context, CancellationToken.None);

        _runner.Argvs.ShouldBe(
        [
            ["chroot", "/nonexistent/workspace/kiln-test/tree/root", "debconf-set-selections"],
            ["chroot", "/nonexistent/workspace/kiln-test/tree/root", "apt-get", "update", "-q"],
            ["chroot", "/nonexistent/workspace/kiln-test/tree/root", "apt-get", "install", "-y", "-q", "--no-install-recommends", "-o", "Dpkg::Options::=--force-unsafe-io", "linux-image-amd64/bookworm-backports", "vim"],
        ]);
        _runner.Commands[0].StandardInput.ShouldBe("grub-pc grub-pc/install_devices_empty boolean true\n");
        context.Packages.Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task Nothing_pending_runs_nothing()
    {
        var context = TestBuildContexts.Create(runner: _runner);
        context.Packages.Add("curl");
        context.Packages.MarkInstalled(context.Packages.Requests);

        await new InstallPackages().RunAsync(context, CancellationToken.None);

        _runner.Commands.ShouldBeEmpty();
    }
}
