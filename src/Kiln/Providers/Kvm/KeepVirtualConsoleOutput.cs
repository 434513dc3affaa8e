using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Kvm;

/// <summary>With <c>console: virtual</c>, stops getty from clearing tty1 so boot messages stay readable (bootstrap-vz's noclear).</summary>
public sealed class KeepVirtualConsoleOutput : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Keeping boot messages on the virtual console";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile("/etc/systemd/system/getty@tty1.service.d/noclear.conf", ImageFiles.Asset<KeepVirtualConsoleOutput>("Providers/Kvm/assets/noclear.conf"));
        return Task.CompletedTask;
    }
}
