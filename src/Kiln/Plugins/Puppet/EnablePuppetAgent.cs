using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary><c>enable_agent: true</c>: the agent starts at boot (Debian's package leaves puppet.service disabled).</summary>
public sealed class EnablePuppetAgent : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Enabling the Puppet agent";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.EnabledUnits.Add("puppet.service");
        return Task.CompletedTask;
    }
}
