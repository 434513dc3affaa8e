using Kiln.Host;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

/// <summary>apt's command lines for host tools, and one kiln at a time running them.</summary>
public sealed class HostToolInstallerTests : IDisposable
{
    private readonly string _lock = Path.Combine(Path.GetTempPath(), $"kiln-host-tools-{Guid.NewGuid():N}.lock");

    [Fact]
    public async Task Apt_waits_for_another_programs_dpkg_lock_and_updates_the_lists_only_when_the_install_fails()
    {
        var runner = new FakeCommandRunner().Returns("apt-get", 100);

        await Should.ThrowAsync<CommandFailedException>(() => new HostToolInstaller(runner, _ => { }, _lock).InstallPackagesAsync(["mtools"], CancellationToken.None));

        runner.Argvs.ShouldBe(
        [
            ["apt-get", "install", "-y", "-q", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=600", "mtools"],
            ["apt-get", "update", "-q", "-o", "DPkg::Lock::Timeout=600"],
        ]);
        runner.Commands[0].Environment!["DEBIAN_FRONTEND"].ShouldBe("noninteractive");
    }

    [Fact]
    public async Task A_second_installer_waits_for_the_first_and_says_so_once()
    {
        var said = new List<string>();
        var runner = new FakeCommandRunner();
        Task second;
        using (await FileLock.AcquireAsync(_lock, _ => { }, CancellationToken.None))
        {
            second = new HostToolInstaller(runner, said.Add, _lock).InstallPackagesAsync(["mtools"], CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            runner.Commands.ShouldBeEmpty("apt must not run while another kiln holds the lock");
        }

        await second;
        runner.Commands.Count.ShouldBe(1);
        said.ShouldBe([$"waiting for another kiln that installs host tools ({_lock})"]);
    }

    public void Dispose() => File.Delete(_lock);
}
