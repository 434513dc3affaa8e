using Kiln.Plugins.Salt;
using Kiln.Tasks;
using Kiln.Tests.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Salt;

public sealed class SaltPluginTests : IDisposable
{
    private const string Repository = "repository: {source: 'deb http://127.0.0.1/salt stable main', key: salt.asc}";

    private readonly TemporaryWorkspace _workspace = new();

    public SaltPluginTests() => _workspace.Write("salt.asc", TestKeys.Armored);

    [Theory]
    [InlineData("{" + Repository + "}")]
    [InlineData("{install_source: stable, version: '3006.*', master: 10.0.0.5, grains: {role: web, roles: [a, b], port: 4505, enabled: true}, " + Repository + "}")]
    public void Stable_from_the_vendor_repository_with_a_version_master_and_grains_is_valid(string settings)
    {
        Errors(settings).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("git", "git sources")]
    [InlineData("daily", "daily build")]
    public void The_salt_bootstrap_sources_are_refused_with_the_way_kiln_installs_salt(string source, string what)
    {
        Errors($"{{install_source: {source}, version: develop, {Repository}}}").ShouldBe(
        [
            $"{_workspace.ManifestPath}:15:26: install_source `{source}` ran the salt-bootstrap script, downloaded from the internet during the build, to build Salt's {what}; Kiln installs salt-minion from the vendor's apt repository instead: use install_source stable (or leave it out), name the repository in plugins.salt.repository, and pin a release with version",
        ]);
    }

    [Fact]
    public void A_grain_that_is_a_mapping_is_refused_by_the_schema()
    {
        Errors($"{{grains: {{role: {{a: b}}}}, {Repository}}}")
            .ShouldBe([$"{_workspace.ManifestPath}:15:25: `{{\"a\":\"b\"}}` does not match any allowed form of `plugins.salt.grains.role` (a string, number or boolean, or a list of them)"]);
    }

    [Fact]
    public void A_version_that_is_no_apt_version_pattern_is_refused_for_the_vendor_packages()
    {
        Errors($"{{version: 3006 latest, {Repository}}}").ShouldBe(
            [$"{_workspace.ManifestPath}:15:19: `3006 latest` is not a Salt version or an apt version pattern such as 3007.1 or 3006.*; a git tag or commit (bootstrap-vz's install_source git) cannot be installed from the vendor repository"]);
    }

    [Fact]
    public void The_plugin_adds_the_repository_the_minion_configuration_and_the_pin_only_with_a_version()
    {
        var pinned = new TaskSet();
        var latest = new TaskSet();

        new SaltPlugin().ResolveTasks(pinned, Bind($"{{version: '3007.1', {Repository}}}"));
        new SaltPlugin().ResolveTasks(latest, Bind($"{{{Repository}}}"));

        pinned.Tasks.Select(t => t.Name).ShouldBe(["AddVendorRepository.salt", "ConfigureSaltMinion", "PinSaltVersion"]);
        latest.Tasks.Select(t => t.Name).ShouldBe(["AddVendorRepository.salt", "ConfigureSaltMinion"]);
    }

    [Fact]
    public async Task The_minion_gets_its_master_and_grains_and_is_enabled()
    {
        var context = _workspace.Context(Bind($"{{master: salt.example.org, grains: {{role: web}}, {Repository}}}"));

        await new ConfigureSaltMinion().RunAsync(context, CancellationToken.None);

        File.ReadAllText(context.Paths.InRoot("/etc/salt/minion.d/99-master-address.conf")).ShouldBe("# Written by Kiln (plugins.salt.master).\nmaster: \"salt.example.org\"\n");
        File.ReadAllText(context.Paths.InRoot("/etc/salt/grains")).ShouldBe("# Written by Kiln (plugins.salt.grains).\nrole: \"web\"\n");
        context.EnabledUnits.ShouldBe(["salt-minion.service"]);
        new ConfigureSaltMinion().Successors.ShouldBe([typeof(Kiln.Common.Services.EnableUnits)]);
    }

    [Fact]
    public async Task Without_master_and_grains_no_file_is_written_but_the_minion_is_enabled()
    {
        var context = _workspace.Context(Bind($"{{{Repository}}}"));

        await new ConfigureSaltMinion().RunAsync(context, CancellationToken.None);

        Directory.Exists(context.Paths.InRoot("/etc/salt")).ShouldBeFalse();
        context.EnabledUnits.ShouldBe(["salt-minion.service"]);
    }

    [Fact]
    public async Task The_version_pin_is_in_place_before_the_bootstrap()
    {
        var context = _workspace.Context(Bind($"{{version: '3006.*', {Repository}}}"));

        await new PinSaltVersion().RunAsync(context, CancellationToken.None);

        System.Text.Encoding.UTF8.GetString(context.EarlyFiles["/etc/apt/preferences.d/salt-pin-1001"].Content).ShouldBe(SaltMinionFiles.Pin("3006.*"));
    }

    public void Dispose() => _workspace.Dispose();

    private IReadOnlyList<string> Errors(string settings) =>
        [.. TestManifests.ErrorsOf(TestManifests.Minimal + $"\nplugins:\n  salt: {settings}\n", _workspace.ManifestPath).Select(e => e.ToString())];

    private Kiln.Specs.BuildSpec Bind(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  salt: {settings}\n", _workspace.ManifestPath);
}
