using Kiln.Plugins.Puppet;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Puppet;

public sealed class PuppetPluginTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public PuppetPluginTests()
    {
        _workspace.Write("puppet/assets/puppet.conf", "[main]\n");
        _workspace.Write("puppet/site.pp", "notice('hello')\n");
        _workspace.Write("puppet/kiln-probe-1.0.0.tar.gz", "not really gzip, but it exists\n");
    }

    [Fact]
    public void Bootstrap_vz_settings_and_module_archives_are_valid()
    {
        Errors("""
            {assets: puppet/assets, manifest: puppet/site.pp, enable_agent: true,
               install_modules: [[puppetlabs-stdlib], [puppetlabs-apt, '9.4.0'], [puppetlabs/ntp, 4.2], [./puppet/kiln-probe-1.0.0.tar.gz]]}
            """).ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_section_just_installs_the_agent()
    {
        Errors("{}").ShouldBeEmpty();
        Tasks("{}").ShouldBe(["AddPuppetAgent"]);
    }

    [Fact]
    public void Missing_files_are_reported_at_their_paths()
    {
        Errors("{assets: puppet/nothing, manifest: puppet/none.pp, install_modules: [[./puppet/gone-1.0.0.tar.gz]]}").ShouldBe([
            $"{_workspace.ManifestPath}:15:20: the puppet assets directory {_workspace.Directory}/puppet/nothing does not exist",
            $"{_workspace.ManifestPath}:15:46: the puppet manifest {_workspace.Directory}/puppet/none.pp does not exist",
            $"{_workspace.ManifestPath}:15:80: the module archive {_workspace.Directory}/puppet/gone-1.0.0.tar.gz does not exist",
        ]);
    }

    [Fact]
    public void An_assets_tree_for_puppetlabs_is_refused_with_how_to_lay_it_out_for_debian()
    {
        _workspace.Write("pc1/puppet/puppet.conf", "[main]\n");

        Errors("{assets: pc1}").ShouldBe([
            $"{_workspace.ManifestPath}:15:20: {_workspace.Directory}/pc1 is laid out for Puppet Labs' /etc/puppetlabs (puppet/puppet.conf); Debian's Puppet reads /etc/puppet, so move the content of its puppet/ directory to its top, and code/ stays code/",
        ]);
    }

    [Theory]
    [InlineData("[[./puppet/kiln-probe-1.0.0.tar.gz, '1.0.0']]", "15:30: a module archive carries its own version; give only its path")]
    [InlineData("[[stdlib]]", "15:30: `stdlib` is neither a Forge module name (author-name) nor the path of a module archive (.tar.gz)")]
    [InlineData("[[puppetlabs-stdlib, '1.0', extra]]", "15:30: `plugins.puppet.install_modules[0]`: too many items ([NAME] or [NAME, VERSION] for the Puppet Forge, or [PATH] of a module archive (.tar.gz))")]
    [InlineData("[[]]", "15:30: `plugins.puppet.install_modules[0]` must list at least 1 item(s)")]
    public void Bad_module_entries_are_refused_at_the_entry(string modules, string expected)
    {
        Errors($"{{install_modules: {modules}}}").ShouldBe([$"{_workspace.ManifestPath}:{expected}"]);
    }

    [Fact]
    public void The_tasks_follow_the_settings()
    {
        Tasks("{assets: puppet/assets, manifest: puppet/site.pp, enable_agent: true, install_modules: [[puppetlabs-stdlib]]}")
            .ShouldBe(["AddPuppetAgent", "InstallPuppetModules", "CopyPuppetAssets", "ApplyPuppetManifest", "ForgetPuppetRuns", "EnablePuppetAgent"]);
        Tasks("{assets: puppet/assets}").ShouldBe(["AddPuppetAgent", "CopyPuppetAssets"]);
    }

    public void Dispose() => _workspace.Dispose();

    private List<string> Tasks(string settings)
    {
        var tasks = new TaskSet();
        new PuppetPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin(settings), _workspace.ManifestPath));
        return [.. tasks.Tasks.Select(t => t.Name)];
    }

    private List<string> Errors(string settings) => [.. TestManifests.ErrorsOf(WithPlugin(settings), _workspace.ManifestPath).Select(e => e.ToString())];

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  puppet: {settings}\n";
}
