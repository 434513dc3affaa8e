using Kiln.Tasks;

namespace Kiln.Plugins.Hooks;

/// <summary>
/// Calls the hook scripts with a phase's name, after every other task of that phase. After the last phase
/// the build worked, so there is nothing to roll back: only the <c>clean</c> call stays pending.
/// </summary>
public sealed class RunScriptHooks(Phase phase, IReadOnlyList<HookScript> scripts) : BuildTask
{
    public override string Name => $"RunScriptHooks.{phase.ToName()}";

    public override Phase Phase => phase;

    public override string Description => $"Running hooks for {phase.ToName()}: {string.Join(", ", scripts.Select(s => s.Name))}";

    public override bool RunsLastInPhase => true;

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await HookRunner.CallAllAsync(context, scripts, phase.ToName(), cancellationToken);
        if (phase == Phase.Cleaning)
        {
            context.StateOf<HookState>().Rollback?.Dismiss();
        }
    }
}
