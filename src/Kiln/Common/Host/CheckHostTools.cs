using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Host;

/// <summary>Checks, before anything changes, that every host program the plan will run is there (installing it with apt as root on Debian).</summary>
public sealed class CheckHostTools : BuildTask
{
    public override Phase Phase => Phase.Validation;

    public override string Description => "Checking the host tools the build needs";

    public static IReadOnlyList<HostTool> Collect(Plan plan, Specs.BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Tasks.SelectMany(task => task.RequiredTools(spec)).DistinctBy(tool => tool.Command)];
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tools = Collect(context.Plan!, context.Spec);
        var installer = new HostToolInstaller(context.Runner, context.Announce);
        await installer.EnsureAsync(tools, cancellationToken);
    }
}
