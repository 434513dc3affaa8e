using Kiln.Common.Workspace;
using Kiln.Tasks;

namespace Kiln.Plugins.Hooks;

/// <summary>
/// Registers the hooks' end-of-build calls: <c>clean</c> always, <c>rollback</c> first when the build fails.
/// Registered after the build directory exists, so they run before it is removed.
/// </summary>
public sealed class PrepareHookCalls(IReadOnlyList<HookScript> scripts) : BuildTask
{
    public PrepareHookCalls()
        : this([])
    {
    }

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Preparing the hooks' rollback and clean calls";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateBuildDirectory)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.StateOf<HookState>();
        state.Clean = context.Undo.Push("call the hooks with `clean`", ct => HookRunner.CallAllAsync(context, scripts, "clean", ct));
        state.Rollback = context.Undo.Push("call the hooks with `rollback`", ct => HookRunner.CallAllAsync(context, scripts, "rollback", ct));
        return Task.CompletedTask;
    }
}
