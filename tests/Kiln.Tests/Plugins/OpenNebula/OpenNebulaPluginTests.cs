using Kiln.Common.Network;
using Kiln.Plugins.OpenNebula;
using Kiln.Tasks;
using Kiln.Tests.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.OpenNebula;

public sealed class OpenNebulaPluginTests : IDisposable
{
    private const string Settings = "{repository: {source: 'deb http://127.0.0.1/one stable opennebula', key: one.asc}}";

    private readonly TemporaryWorkspace _workspace = new();

    public OpenNebulaPluginTests() => _workspace.Write("one.asc", TestKeys.Armored);

    [Fact]
    public void A_repository_is_all_the_plugin_takes()
    {
        Errors(Settings).ShouldBeEmpty();
        Errors("{repository: {source: 'deb http://127.0.0.1/one stable opennebula', key: one.asc}, network: dhcp}").Single()
            .ShouldStartWith($"{_workspace.ManifestPath}:15:");
    }

    [Fact]
    public void The_bootstrap_vz_form_without_settings_is_told_to_name_the_vendor_repository()
    {
        Errors("{}").ShouldBe([$"{_workspace.ManifestPath}:15:3: OpenNebula's context package (one-context) is not in Debian: name the vendor's apt repository in plugins.opennebula.repository, with `source` (the deb line of the vendor's install guide) and `key` (the file of the key that signs it)"]);
    }

    [Fact]
    public void The_plugin_installs_one_context_and_hands_it_the_network()
    {
        var tasks = new TaskSet();

        new OpenNebulaPlugin().ResolveTasks(tasks, TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  opennebula: {Settings}\n", _workspace.ManifestPath));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddVendorRepository.opennebula", "HandNetworkToContext"]);
        tasks.Tasks.OfType<Kiln.Plugins.VendorRepositories.AddVendorRepository>().Single().Description.ShouldBe("Adding the opennebula vendor repository and one-context");
    }

    [Fact]
    public async Task Kilns_dhcp_file_goes_and_the_context_services_are_enabled()
    {
        var context = _workspace.Context(TestManifests.Bind(TestManifests.Minimal));
        await new ConfigureNetwork().RunAsync(context, CancellationToken.None);

        await new HandNetworkToContext().RunAsync(context, CancellationToken.None);

        File.Exists(context.Paths.InRoot(ConfigureNetwork.NetworkFilePath)).ShouldBeFalse();
        context.EnabledUnits.ShouldBe(["systemd-networkd.service", "systemd-resolved.service", "one-context-local.service", "one-context.service"]);
    }

    [Fact]
    public void The_hand_over_runs_after_kilns_network_configuration_and_before_units_are_enabled()
    {
        var plan = Planner.CreatePlan(TaskCatalog.Of([new ConfigureNetwork(), new Kiln.Common.Services.EnableUnits(), new HandNetworkToContext()]),
            new TaskSet().Add<HandNetworkToContext>().Add<Kiln.Common.Services.EnableUnits>().Add<ConfigureNetwork>());

        plan.Tasks.Select(t => t.Name).ShouldBe(["ConfigureNetwork", "HandNetworkToContext", "EnableUnits"]);
    }

    public void Dispose() => _workspace.Dispose();

    private IReadOnlyList<string> Errors(string settings) =>
        [.. TestManifests.ErrorsOf(TestManifests.Minimal + $"\nplugins:\n  opennebula: {settings}\n", _workspace.ManifestPath).Select(e => e.ToString())];
}
