using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Adds lvm2 to an image with a volume group: its initramfs hook puts LVM and its udev rules into the
/// initramfs (whatever the root device), so the group is activated before root is mounted.
/// </summary>
public sealed class AddLvmPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding LVM";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("lvm2");
        return Task.CompletedTask;
    }
}
