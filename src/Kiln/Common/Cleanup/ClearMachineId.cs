using Kiln.Tasks;

namespace Kiln.Common.Cleanup;

/// <summary>Empties /etc/machine-id so that every machine made from the image gets its own at first boot.</summary>
public sealed class ClearMachineId : BuildTask
{
    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Clearing the machine id";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile("/etc/machine-id", string.Empty, ImageFiles.Regular);
        var dbus = context.Paths.InRoot("/var/lib/dbus/machine-id");
        if (File.Exists(dbus) && new FileInfo(dbus).LinkTarget is null)
        {
            File.Delete(dbus);
        }

        return Task.CompletedTask;
    }
}
