using Kiln.Tasks;

namespace Kiln.Common.Locale;

/// <summary>Points /etc/localtime at the manifest's timezone and writes /etc/timezone.</summary>
public sealed class SetTimezone : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Setting the timezone";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var timezone = context.Manifest.System.Timezone;
        var zone = TimezoneSetting.ZoneName(timezone);
        var zoneFile = $"/usr/share/zoneinfo/{zone}";
        if (!context.ExistsInImage(zoneFile))
        {
            if (!TimezoneSetting.IsUtc(timezone))
            {
                throw new UserInputException($"the timezone `{timezone}` does not exist in the image (no {zoneFile}); use a name from /usr/share/zoneinfo such as Europe/Berlin");
            }

            // Without tzdata there is no zone file, and no /etc/localtime means UTC.
            File.Delete(context.Paths.InRoot("/etc/localtime"));
            return Task.CompletedTask;
        }

        var link = context.Paths.InRoot("/etc/localtime");
        File.Delete(link);
        File.CreateSymbolicLink(link, $"/usr/share/zoneinfo/{zone}");
        context.WriteFile("/etc/timezone", zone + "\n");
        return Task.CompletedTask;
    }
}
