using Kiln.Specs;

namespace Kiln.Tasks;

/// <summary>
/// One small unit of work in a build. A task belongs to a phase and may name tasks it must run after
/// (predecessors) or before (successors); tasks exchange data only through the <see cref="BuildContext"/>.
/// </summary>
public abstract class BuildTask
{
    /// <summary>The task's unique name; the class name unless one class serves several tasks.</summary>
    public virtual string Name => GetType().Name;

    public abstract Phase Phase { get; }

    /// <summary>What the task does, as a progress line shows it.</summary>
    public abstract string Description { get; }

    /// <summary>Tasks this one runs after (when they are in the plan, and transitively through tasks that are not).</summary>
    public virtual IReadOnlyList<Type> Predecessors => [];

    /// <summary>Tasks this one runs before.</summary>
    public virtual IReadOnlyList<Type> Successors => [];

    /// <summary>True for tasks that run after every other task of their phase (script hooks).</summary>
    public virtual bool RunsLastInPhase => false;

    /// <summary>Every host program this task may run, whatever the manifest (<c>kiln doctor</c> lists them).</summary>
    public virtual IEnumerable<HostTool> Tools => [];

    /// <summary>The host programs this task will run for this build; checked before the build starts.</summary>
    public virtual IEnumerable<HostTool> RequiredTools(BuildSpec spec) => Tools;

    public abstract Task RunAsync(BuildContext context, CancellationToken cancellationToken);

    public override string ToString() => Name;
}
