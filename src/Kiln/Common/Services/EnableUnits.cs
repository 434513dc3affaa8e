using Kiln.Host;
using Kiln.Common.Network;
using Kiln.Tasks;

namespace Kiln.Common.Services;

/// <summary>Enables the systemd units other tasks asked for, in one systemctl call.</summary>
public sealed class EnableUnits : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Enabling systemd units";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConfigureNetwork)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var units = context.EnabledUnits.Distinct(StringComparer.Ordinal).ToList();
        if (units.Count > 0)
        {
            await context.Chroot.RunAsync(new CommandLine("systemctl", ["enable", .. units]), cancellationToken);
        }
    }
}
