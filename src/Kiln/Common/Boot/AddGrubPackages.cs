using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Adds GRUB for the platform's firmware and answers its package scripts' questions (no disk to install to, no NVRAM).</summary>
public sealed class AddGrubPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding GRUB";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var platform = context.Spec.Platform;
        foreach (var package in GrubPackages.For(platform))
        {
            context.Packages.Add(package);
        }

        // Kiln writes the boot code itself; the image does not know the disk it will boot from.
        context.DebconfSelections.AddRange(GrubPackages.DebconfSelections(platform));
        return Task.CompletedTask;
    }
}
