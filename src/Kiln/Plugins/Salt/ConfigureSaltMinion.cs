using Kiln.Common;
using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.Salt;

/// <summary>Writes the minion's master address and grains, and enables salt-minion so it starts at boot.</summary>
public sealed class ConfigureSaltMinion : BuildTask
{
    public const string Unit = "salt-minion.service";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring the Salt minion";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<SaltSettings>();
        if (settings.Master is { } master)
        {
            context.WriteFile(SaltMinionFiles.MasterPath, SaltMinionFiles.Master(master));
        }

        if (settings.Grains is { } grains)
        {
            context.WriteFile(SaltMinionFiles.GrainsPath, SaltMinionFiles.Grains(grains));
        }

        context.EnabledUnits.Add(Unit);
        return Task.CompletedTask;
    }
}
