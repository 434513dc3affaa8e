using Kiln.Disks;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Writes /etc/fstab naming every filesystem and the swap partition by UUID.</summary>
public sealed class WriteFstab : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Writing /etc/fstab";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile("/etc/fstab", FstabFile.Render(context.RequireLayout()));
        return Task.CompletedTask;
    }
}
