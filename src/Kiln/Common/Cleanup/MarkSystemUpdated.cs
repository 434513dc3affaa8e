using System.Globalization;
using Kiln.Tasks;

namespace Kiln.Common.Cleanup;

/// <summary>
/// Writes <c>/etc/.updated</c> and <c>/var/.updated</c> as systemd-update-done does at first boot: the image's
/// packages were configured at build time (hwdb, ldconfig, sysusers, the journal catalog), so the units with
/// <c>ConditionNeedsUpdate=</c> have nothing to do. Without them every first boot rebuilds the hardware
/// database before udev starts, which under software emulation delays the devices by a minute or more.
/// </summary>
public sealed class MarkSystemUpdated : BuildTask
{
    private static readonly string[] MarkedDirectories = ["/etc", "/var"];

    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Marking /etc and /var as up to date with /usr";

    /// <summary>What systemd-update-done writes: a comment and the time of /usr, in nanoseconds since the epoch.</summary>
    public static string Content(DateTime usrModified) =>
        "# This file was created by Kiln, as systemd-update-done would at first boot. Its only\n" +
        "# purpose is to hold a timestamp of the time this directory was updated.\n" +
        "# See man:systemd-update-done.service(8).\n" +
        string.Create(CultureInfo.InvariantCulture, $"TIMESTAMP_NSEC={(usrModified.ToUniversalTime() - DateTime.UnixEpoch).Ticks * 100}\n");

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var usr = context.Paths.InRoot("/usr");
        if (!Directory.Exists(usr))
        {
            return Task.CompletedTask;
        }

        // With SOURCE_DATE_EPOCH every time is clamped to it before the filesystems are written: so is this one.
        var modified = Directory.GetLastWriteTimeUtc(usr);
        if (context.SourceDateEpoch is { } epoch && modified > epoch.Time.UtcDateTime)
        {
            modified = epoch.Time.UtcDateTime;
        }
        foreach (var directory in MarkedDirectories.Where(d => Directory.Exists(context.Paths.InRoot(d))))
        {
            var path = context.WriteFile($"{directory}/.updated", Content(modified));
            File.SetLastWriteTimeUtc(path, modified);
        }

        return Task.CompletedTask;
    }
}
