using Kiln.Plugins.UnattendedUpgrades;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.UnattendedUpgrades;

public sealed class UnattendedUpgradesPluginTests
{
    [Fact]
    public void All_three_intervals_are_required()
    {
        TestManifests.ErrorsOf(WithPlugin("{update_interval: 1, upgrade_interval: 1}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:24: `plugins.unattended_upgrades` is missing the required key `download_interval`"]);
    }

    [Fact]
    public void A_negative_interval_is_rejected_with_what_the_interval_means()
    {
        TestManifests.ErrorsOf(WithPlugin("{update_interval: -1, download_interval: 1, upgrade_interval: 1}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:42: `plugins.unattended_upgrades.update_interval`: number too small (days between package list updates (0 turns them off))"]);
    }

    [Fact]
    public void The_plugin_adds_the_package_and_the_intervals()
    {
        var tasks = new TaskSet();

        new UnattendedUpgradesPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{update_interval: 1, download_interval: 1, upgrade_interval: 7}")));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddUnattendedUpgradesPackage", "EnablePeriodicUpgrades"]);
    }

    public static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  unattended_upgrades: {settings}\n";
}
