using Kiln.Host;
using Kiln.Manifests;
using Kiln.Plugins.Puppet;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;
using Kiln.Specs;

namespace Kiln.Tests.Plugins.Puppet;

public sealed class PuppetTasksTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public PuppetTasksTests()
    {
        _workspace.Write("assets/hiera.yaml", "---\n");
        _workspace.Write("site.pp", "notice('hello')\n");
        _workspace.Write("modules/kiln-probe-1.0.0.tar.gz", "archive bytes\n");
    }

    [Theory]
    [InlineData("bullseye", "puppet")]
    [InlineData("bookworm", "puppet-agent")]
    [InlineData("trixie", "puppet-agent")]
    public void The_agent_package_is_the_releases(string release, string package)
    {
        AddPuppetAgent.PackageFor(ReleaseCatalog.FindCodename(release)!).ShouldBe(package);
    }

    [Fact]
    public void Forge_modules_are_installed_as_bootstrap_vz_did()
    {
        InstallPuppetModules.Command(new PuppetModule("puppetlabs-stdlib", null, null)).Argv
            .ShouldBe(["puppet", "module", "install", "--color=false", "--force", "puppetlabs-stdlib"]);
        InstallPuppetModules.Command(new PuppetModule("puppetlabs-apt", "9.4.0", null)).Argv
            .ShouldBe(["puppet", "module", "install", "--color=false", "--force", "puppetlabs-apt", "--version", "9.4.0"]);
    }

    [Fact]
    public async Task A_module_archive_is_installed_from_a_copy_in_the_image_that_is_removed_afterwards()
    {
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(Manifest("{install_modules: [[./modules/kiln-probe-1.0.0.tar.gz], [puppetlabs-stdlib, 4.25]]}"), runner);
        Directory.CreateDirectory(context.Paths.Root);

        await new InstallPuppetModules().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([
            ["chroot", context.Paths.Root, "puppet", "module", "install", "--color=false", "--force", "--ignore-dependencies", "/tmp/kiln-puppet-modules/kiln-probe-1.0.0.tar.gz"],
            ["chroot", context.Paths.Root, "puppet", "module", "install", "--color=false", "--force", "puppetlabs-stdlib", "--version", "4.25"],
        ]);
        Directory.Exists(context.Paths.InRoot("/tmp/kiln-puppet-modules")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_assets_are_copied_into_etc_puppet_with_their_modes_but_owned_by_root()
    {
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(Manifest("{assets: assets}"), runner);

        await new CopyPuppetAssets().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["cp", "-R", "--preserve=mode,timestamps", "--no-dereference", "--", $"{_workspace.Directory}/assets/.", $"{context.Paths.Root}/etc/puppet/"]]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Applying_succeeds_when_puppet_changed_something_or_nothing(int exitCode)
    {
        var runner = new FakeCommandRunner().Returns("chroot", exitCode);
        var context = _workspace.Context(Manifest("{manifest: site.pp}"), runner);

        await new ApplyPuppetManifest().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["chroot", context.Paths.Root, "puppet", "apply", "--verbose", "--detailed-exitcodes", "--color=false", "/tmp/kiln-puppet/site.pp"]]);
        Directory.Exists(context.Paths.InRoot("/tmp/kiln-puppet")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(6)]
    public async Task A_manifest_that_fails_to_compile_or_apply_fails_the_build(int exitCode)
    {
        var runner = new FakeCommandRunner().Returns("chroot", exitCode, standardError: "Error: Could not find class ::nothing");
        var context = _workspace.Context(Manifest("{manifest: site.pp}"), runner);

        var error = await Should.ThrowAsync<CommandFailedException>(() => new ApplyPuppetManifest().RunAsync(context, CancellationToken.None));

        error.Message.ShouldEndWith($"failed with exit code {exitCode}:\nError: Could not find class ::nothing");
    }

    [Fact]
    public async Task The_agent_is_enabled_with_the_other_units()
    {
        var context = _workspace.Context(Manifest("{enable_agent: true}"));

        await new EnablePuppetAgent().RunAsync(context, CancellationToken.None);

        context.EnabledUnits.ShouldBe(["puppet.service"]);
    }

    [Fact]
    public async Task The_build_runs_reports_keys_and_module_cache_leave_the_image_but_the_packages_directories_stay()
    {
        using var image = new TemporaryImageRoot(Manifest("{manifest: site.pp}"));
        image.Write("/var/cache/puppet/state/last_run_report.yaml", "host: buildhost\n");
        image.Write("/var/cache/puppet/state/graphs/resources.dot", "digraph {}\n");
        image.Write("/var/lib/puppet/ssl/private_keys/buildhost.pem", "key\n");
        image.Write("/var/cache/puppet/puppet-module/cache/x", "cached\n");
        image.Write("/var/cache/puppet/public/kept", "kept\n");

        await new ForgetPuppetRuns().RunAsync(image.Context, CancellationToken.None);

        Directory.GetFileSystemEntries(image.Context.Paths.InRoot("/var/cache/puppet/state")).ShouldBeEmpty();
        Directory.GetFileSystemEntries(image.Context.Paths.InRoot("/var/lib/puppet/ssl")).ShouldBeEmpty();
        Directory.Exists(image.Context.Paths.InRoot("/var/cache/puppet/puppet-module")).ShouldBeFalse();
        image.Read("/var/cache/puppet/public/kept").ShouldBe("kept\n");
    }

    public void Dispose() => _workspace.Dispose();

    private BuildSpec Manifest(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  puppet: {settings}\n", _workspace.ManifestPath);
}
