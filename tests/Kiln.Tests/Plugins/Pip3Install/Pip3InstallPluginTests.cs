using Kiln.Plugins.Pip3Install;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Pip3Install;

public sealed class Pip3InstallPluginTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public Pip3InstallPluginTests() => _workspace.Write("wheels/kiln_probe-1.0-py3-none-any.whl", "zip bytes\n");

    [Theory]
    [InlineData("{packages: [awscli==1.3.13, 'requests >= 2']}")]
    [InlineData("{packages: [kiln-probe], index_url: 'https://user:token@pypi.example.org/simple', build_tools: false}")]
    [InlineData("{wheel_directory: wheels}")]
    [InlineData("{wheel_directory: wheels, packages: [kiln-probe]}")]
    public void Packages_from_an_index_or_a_wheel_directory_are_valid(string settings)
    {
        Errors(settings).ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_to_install_is_refused()
    {
        Errors("{build_tools: false}").ShouldBe([$"{_workspace.ManifestPath}:15:17: pip3_install needs packages, a wheel_directory, or both"]);
    }

    [Fact]
    public void An_index_and_a_wheel_directory_exclude_each_other()
    {
        Errors("{wheel_directory: wheels, index_url: 'http://127.0.0.1:8080/simple'}")
            .ShouldBe([$"{_workspace.ManifestPath}:15:54: index_url and wheel_directory exclude each other: a wheel directory is installed without any index"]);
    }

    [Fact]
    public void A_missing_wheel_directory_is_reported_at_its_path()
    {
        Errors("{wheel_directory: nowhere, packages: [x]}").ShouldBe([$"{_workspace.ManifestPath}:15:35: the wheel directory {_workspace.Directory}/nowhere does not exist"]);
    }

    [Fact]
    public void A_wheel_directory_without_wheels_needs_named_packages()
    {
        _workspace.Write("sdists/kiln_probe-1.0.tar.gz", "sdist\n");

        Errors("{wheel_directory: sdists}").ShouldBe([$"{_workspace.ManifestPath}:15:35: the wheel directory {_workspace.Directory}/sdists has no .whl files, and no packages are named to install from it"]);
        Errors("{wheel_directory: sdists, packages: [kiln-probe]}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{packages: [--index-url=http://x]}", "15:29: `--index-url=http://x` is not valid for `plugins.pip3_install.packages[0]`; expected a requirement pip install takes, e.g. awscli==1.3.13 (pip's options are not allowed here)")]
    [InlineData("{packages: [x], index_url: 'ftp://mirror/simple'}", "15:44: `ftp://mirror/simple` is not valid for `plugins.pip3_install.index_url`; expected the URL of a package index (PEP 503 simple API), e.g. http://127.0.0.1:8080/simple")]
    [InlineData("{packages: [x, x]}", "15:28: `plugins.pip3_install.packages`: items not unique")]
    public void Options_smuggled_into_pip_and_other_bad_values_are_refused(string settings, string expected)
    {
        Errors(settings).ShouldBe([$"{_workspace.ManifestPath}:{expected}"]);
    }

    [Fact]
    public void The_plugin_adds_pip_and_the_install_under_its_own_name()
    {
        var tasks = new TaskSet();

        new Pip3InstallPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{packages: [x]}"), _workspace.ManifestPath));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddPipPackages.pip3_install", "InstallPipPackages.pip3_install"]);
    }

    public void Dispose() => _workspace.Dispose();

    private List<string> Errors(string settings) => [.. TestManifests.ErrorsOf(WithPlugin(settings), _workspace.ManifestPath).Select(e => e.ToString())];

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  pip3_install: {settings}\n";
}
