using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>Part of a cycle: after CycleThree.</summary>
public sealed class CycleOne : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Predecessors => [typeof(CycleThree)];
}
