using Kiln.Manifests;
using Kiln.Plugins.Pip3Install;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;
using Kiln.Specs;

namespace Kiln.Tests.Plugins.Pip3Install;

public sealed class InstallPipPackagesTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public InstallPipPackagesTests()
    {
        _workspace.Write("wheels/kiln_probe-1.0-py3-none-any.whl", "zip bytes\n");
        _workspace.Write("wheels/kiln_dep-2.0-py3-none-any.whl", "zip bytes\n");
        _workspace.Write("wheels/README", "not a wheel\n");
    }

    [Fact]
    public void On_bookworm_and_later_pip_installs_into_usr_local_despite_pep_668_and_ignores_the_hosts_pip_settings()
    {
        var settings = new PipSettings(["awscli==1.3.13"], "http://127.0.0.1:8080/simple", null, BuildTools: true);

        PipCommand(settings, ReleaseCatalog.Trixie).ShouldBe([
            "python3", "-m", "pip", "install", "--isolated", "--no-cache-dir", "--disable-pip-version-check",
            "--break-system-packages", "--root-user-action=ignore", "--index-url", "http://127.0.0.1:8080/simple", "awscli==1.3.13",
        ]);
    }

    [Fact]
    public void Before_bookworm_pip_knows_no_pep_668_options()
    {
        PipCommand(new PipSettings(["awscli"], null, null, BuildTools: true), ReleaseCatalog.FindCodename("bullseye")!).ShouldBe([
            "python3", "-m", "pip", "install", "--isolated", "--no-cache-dir", "--disable-pip-version-check", "awscli",
        ]);
    }

    [Fact]
    public async Task A_wheel_directory_is_installed_without_an_index_from_a_copy_that_leaves_the_image()
    {
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(Manifest("{wheel_directory: wheels}"), runner);
        context.Release = ReleaseCatalog.Bookworm;
        Directory.CreateDirectory(context.Paths.Root);

        await new InstallPipPackages("pip3_install").RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([[
            "chroot", context.Paths.Root, "python3", "-m", "pip", "install", "--isolated", "--no-cache-dir", "--disable-pip-version-check",
            "--break-system-packages", "--root-user-action=ignore", "--no-index", "--find-links", "/var/tmp/kiln-wheels-pip3_install",
            "/var/tmp/kiln-wheels-pip3_install/kiln_dep-2.0-py3-none-any.whl", "/var/tmp/kiln-wheels-pip3_install/kiln_probe-1.0-py3-none-any.whl",
        ]]);
        Directory.Exists(context.Paths.InRoot("/var/tmp/kiln-wheels-pip3_install")).ShouldBeFalse();
    }

    [Fact]
    public async Task Named_packages_are_found_in_the_wheel_directory()
    {
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(Manifest("{wheel_directory: wheels, packages: [kiln-probe]}"), runner);
        Directory.CreateDirectory(context.Paths.Root);

        await new InstallPipPackages("pip3_install").RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldHaveSingleItem().TakeLast(4).ShouldBe(["--no-index", "--find-links", "/var/tmp/kiln-wheels-pip3_install", "kiln-probe"]);
    }

    [Fact]
    public async Task The_password_of_an_index_url_is_masked_in_logs()
    {
        var context = _workspace.Context(Manifest("{packages: [x], index_url: 'https://builder:t0ken@pypi.example.org/simple'}"));

        await new InstallPipPackages("pip3_install").RunAsync(context, CancellationToken.None);

        context.Secrets.Values.ShouldBe(["t0ken"]);
    }

    [Fact]
    public async Task A_failing_pip_fails_the_build()
    {
        var runner = new FakeCommandRunner().Returns("chroot", 1, standardError: "ERROR: No matching distribution found for kiln-probe");
        var context = _workspace.Context(Manifest("{packages: [kiln-probe]}"), runner);

        var error = await Should.ThrowAsync<Kiln.Host.CommandFailedException>(() => new InstallPipPackages("pip3_install").RunAsync(context, CancellationToken.None));

        error.Message.ShouldEndWith("failed with exit code 1:\nERROR: No matching distribution found for kiln-probe");
    }

    [Theory]
    [InlineData("{packages: [x]}", new[] { "python3-pip", "python3-dev", "build-essential" })]
    [InlineData("{packages: [x], build_tools: false}", new[] { "python3-pip" })]
    public async Task Pip_comes_with_build_tools_unless_they_are_turned_off(string settings, string[] packages)
    {
        var context = _workspace.Context(Manifest(settings));

        await new AddPipPackages("pip3_install").RunAsync(context, CancellationToken.None);

        context.Packages.Requests.Select(p => p.Name).ShouldBe(packages);
    }

    public void Dispose() => _workspace.Dispose();

    private static IReadOnlyList<string> PipCommand(PipSettings settings, DebianRelease release) =>
        InstallPipPackages.Command(settings, release, "/var/tmp/kiln-wheels-pip3_install", []).Argv;

    private BuildSpec Manifest(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  pip3_install: {settings}\n", _workspace.ManifestPath);
}
