using Kiln.Tasks;

namespace Kiln.Common.Services;

/// <summary>
/// Lets systemd wait five minutes instead of 90 seconds for a device before the units that need it fail
/// (<c>DefaultDeviceTimeoutSec=</c> in a <c>system.conf.d</c> drop-in). On a slow or busy machine, and under
/// software emulation, udev can announce the serial port or a disk later than 90 seconds into the boot; the
/// serial console's getty then never starts, or a mount drops the boot into emergency mode. A device that never
/// comes still fails, five minutes later.
/// </summary>
public sealed class WaitLongerForDevices : BuildTask
{
    public const string DropIn = "/etc/systemd/system.conf.d/kiln-device-timeout.conf";

    public const string Content =
        "# Written by Kiln: wait for devices (the serial console, disks) on slow machines instead of failing after 90 s.\n" +
        "[Manager]\n" +
        "DefaultDeviceTimeoutSec=5min\n";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Letting systemd wait longer for slow devices";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(DropIn, Content);
        return Task.CompletedTask;
    }
}
