using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>Part of a cycle: after CycleTwo.</summary>
public sealed class CycleThree : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Predecessors => [typeof(CycleTwo)];
}
