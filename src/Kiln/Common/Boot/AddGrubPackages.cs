using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Adds GRUB for BIOS (grub-pc) and tells its package scripts not to look for a disk to install to.</summary>
public sealed class AddGrubPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding GRUB";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("grub-pc");

        // Kiln writes the boot code itself; the image does not know the disk it will boot from.
        context.DebconfSelections.Add("grub-pc grub-pc/install_devices multiselect ");
        context.DebconfSelections.Add("grub-pc grub-pc/install_devices_empty boolean true");
        return Task.CompletedTask;
    }
}
