using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Samples.Motd;

/// <summary>Writes /etc/motd from the plugin's message.</summary>
public sealed class WriteMotd(string pluginName) : BuildTask
{
    public WriteMotd()
        : this("motd")
    {
    }

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Writing the message of the day";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Spec.SettingsOf<MotdSettings>(pluginName).Message;
        context.WriteFile("/etc/motd", message.EndsWith('\n') ? message : message + "\n");
        return Task.CompletedTask;
    }
}
