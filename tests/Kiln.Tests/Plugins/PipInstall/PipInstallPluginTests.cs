using Kiln.Manifests;
using Kiln.Plugins.PipInstall;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.PipInstall;

/// <summary>pip_install is pip3_install under bootstrap-vz's other name: Debian has no Python 2 any more.</summary>
public sealed class PipInstallPluginTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public void A_bootstrap_vz_manifest_is_valid()
    {
        Errors("{packages: [awscli==1.3.13]}").ShouldBeEmpty();
    }

    [Fact]
    public void Its_problems_name_pip_install()
    {
        Errors("{build_tools: true}").ShouldBe([$"{_workspace.ManifestPath}:15:16: pip_install needs packages, a wheel_directory, or both"]);
    }

    [Fact]
    public void Its_tasks_carry_its_name_so_that_it_can_be_used_next_to_pip3_install()
    {
        var tasks = new TaskSet();
        var manifest = TestManifests.Bind(TestManifests.Minimal + "\nplugins:\n  pip_install: {packages: [a]}\n  pip3_install: {packages: [b]}\n", _workspace.ManifestPath);

        new PipInstallPlugin().ResolveTasks(tasks, manifest);
        new Kiln.Plugins.Pip3Install.Pip3InstallPlugin().ResolveTasks(tasks, manifest);

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddPipPackages.pip_install", "InstallPipPackages.pip_install", "AddPipPackages.pip3_install", "InstallPipPackages.pip3_install"]);
    }

    [Fact]
    public async Task It_installs_with_python_3s_pip()
    {
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(TestManifests.Bind(TestManifests.Minimal + "\nplugins:\n  pip_install: {packages: [awscli]}\n", _workspace.ManifestPath), runner);
        context.Release = ReleaseCatalog.Bookworm;

        await new Kiln.Plugins.Pip3Install.InstallPipPackages(PipInstallPlugin.PluginName).RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldHaveSingleItem().Skip(2).Take(3).ShouldBe(["python3", "-m", "pip"]);
        runner.Argvs[0][^1].ShouldBe("awscli");
    }

    public void Dispose() => _workspace.Dispose();

    private List<string> Errors(string settings) =>
        [.. TestManifests.ErrorsOf(TestManifests.Minimal + $"\nplugins:\n  pip_install: {settings}\n", _workspace.ManifestPath).Select(e => e.ToString())];
}
