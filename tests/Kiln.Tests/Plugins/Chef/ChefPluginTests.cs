using Kiln.Plugins.Chef;
using Kiln.Tasks;
using Kiln.Tests.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Chef;

public sealed class ChefPluginTests : IDisposable
{
    private const string Repository = "repository: {source: 'deb http://127.0.0.1/chef bookworm main', key: chef.asc}";

    private readonly TemporaryWorkspace _workspace = new();

    public ChefPluginTests() => _workspace.Write("chef.asc", TestKeys.Armored);

    [Fact]
    public void Assets_relative_to_the_manifest_and_a_repository_are_valid()
    {
        Directory.CreateDirectory(Path.Combine(_workspace.Directory, "chef"));

        Errors($"{{assets: chef, {Repository}}}").ShouldBeEmpty();
    }

    [Fact]
    public void A_bootstrap_vz_manifest_is_told_to_name_the_vendor_repository()
    {
        Errors("{assets: /srv/chef}").ShouldBe(
        [
            $"{_workspace.ManifestPath}:15:3: Chef Infra Client (the chef package) is not in Debian: name the vendor's apt repository in plugins.chef.repository, with `source` (the deb line of the vendor's install guide) and `key` (the file of the key that signs it)",
            $"{_workspace.ManifestPath}:15:18: the assets directory /srv/chef does not exist",
        ]);
    }

    [Fact]
    public void Assets_that_name_a_file_are_refused()
    {
        _workspace.Write("client.rb", "log_level :info\n");

        Errors($"{{assets: client.rb, {Repository}}}").ShouldBe([$"{_workspace.ManifestPath}:15:18: the assets path {_workspace.Directory}/client.rb is a file; name a directory"]);
    }

    [Fact]
    public void The_plugin_adds_the_repository_and_copies_assets_only_when_there_are_some()
    {
        var withAssets = new TaskSet();
        var without = new TaskSet();

        new ChefPlugin().ResolveTasks(withAssets, Bind($"{{assets: chef, {Repository}}}"));
        new ChefPlugin().ResolveTasks(without, Bind($"{{{Repository}}}"));

        withAssets.Tasks.Select(t => t.Name).ShouldBe(["AddVendorRepository.chef", "CopyChefAssets"]);
        without.Tasks.Select(t => t.Name).ShouldBe(["AddVendorRepository.chef"]);
    }

    [Fact]
    public async Task The_assets_are_copied_into_etc_chef_keeping_modes_and_links()
    {
        var runner = new Fakes.FakeCommandRunner();
        var context = _workspace.Context(Bind($"{{assets: chef/, {Repository}}}"), runner);

        await new CopyChefAssets().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["cp", "-R", "--preserve=mode,timestamps", "--no-dereference", "--", $"{_workspace.Directory}/chef/.", $"{context.Paths.Root}/etc/chef/"]]);
        Directory.Exists(Path.Combine(context.Paths.Root, "etc/chef")).ShouldBeTrue();
        new CopyChefAssets().RequiredTools(context.Spec).ShouldBe([new HostTool("cp", "coreutils")]);
    }

    public void Dispose() => _workspace.Dispose();

    private IReadOnlyList<string> Errors(string settings) =>
        [.. TestManifests.ErrorsOf(TestManifests.Minimal + $"\nplugins:\n  chef: {settings}\n", _workspace.ManifestPath).Select(e => e.ToString())];

    private Kiln.Specs.BuildSpec Bind(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  chef: {settings}\n", _workspace.ManifestPath);
}
