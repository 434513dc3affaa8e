using Kiln.Plugins.UnattendedUpgrades;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.UnattendedUpgrades;

public sealed class EnablePeriodicUpgradesTests
{
    [Fact]
    public async Task The_intervals_go_to_20auto_upgrades_and_apts_timers_are_enabled()
    {
        var manifest = TestManifests.Bind(UnattendedUpgradesPluginTests.WithPlugin("{update_interval: 1, download_interval: 2, upgrade_interval: 7}"));
        using var image = new TemporaryImageRoot(manifest);

        await new EnablePeriodicUpgrades().RunAsync(image.Context, CancellationToken.None);

        image.Read("/etc/apt/apt.conf.d/20auto-upgrades").ShouldBe("""
            // Written by Kiln (unattended_upgrades plugin). apt's daily timers (apt-daily.timer and
            // apt-daily-upgrade.timer) read these intervals, in days; 0 turns a step off.
            // `dpkg-reconfigure unattended-upgrades` manages this same file.
            APT::Periodic::Enable "1";

            // Update the package lists every n days.
            APT::Periodic::Update-Package-Lists "1";

            // Download upgradable packages every n days.
            APT::Periodic::Download-Upgradeable-Packages "2";

            // Run unattended-upgrade every n days: it installs what /etc/apt/apt.conf.d/50unattended-upgrades
            // allows (Debian's default: security updates and point-release updates of this release); it logs
            // to /var/log/unattended-upgrades.
            APT::Periodic::Unattended-Upgrade "7";

            """);
        image.Context.EnabledUnits.ShouldBe(["apt-daily.timer", "apt-daily-upgrade.timer", "unattended-upgrades.service"]);
    }
}
