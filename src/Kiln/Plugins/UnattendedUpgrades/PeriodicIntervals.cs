using System.Globalization;
using Kiln.Common;
using Kiln.Specs;

namespace Kiln.Plugins.UnattendedUpgrades;

/// <summary>The plugin's three intervals, in days, and the apt configuration file that holds them.</summary>
public sealed record PeriodicIntervals(long Update, long Download, long Upgrade)
{
    public static PeriodicIntervals Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new PeriodicIntervals((long)settings["update_interval"]!, (long)settings["download_interval"]!, (long)settings["upgrade_interval"]!);
    }

    public string AptConfiguration() => ImageFiles.Asset<UnattendedUpgradesPlugin>("Plugins/UnattendedUpgrades/assets/20auto-upgrades")
        .Replace("@UPDATE@", Update.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@DOWNLOAD@", Download.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@UPGRADE@", Upgrade.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
