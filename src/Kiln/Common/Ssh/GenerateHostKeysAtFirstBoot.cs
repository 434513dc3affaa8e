using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Common.Ssh;

/// <summary>Installs a unit that creates the SSH host keys at first boot, before sshd starts.</summary>
public sealed class GenerateHostKeysAtFirstBoot : BuildTask
{
    public const string UnitName = "kiln-ssh-host-keys.service";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Generating SSH host keys at first boot";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile($"/etc/systemd/system/{UnitName}", ImageFiles.Asset<GenerateHostKeysAtFirstBoot>($"Common/Ssh/assets/{UnitName}"));
        context.EnabledUnits.Add(UnitName);
        return Task.CompletedTask;
    }
}
