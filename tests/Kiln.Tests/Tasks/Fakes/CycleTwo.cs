using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>Part of a cycle: after CycleOne.</summary>
public sealed class CycleTwo : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Predecessors => [typeof(CycleOne)];
}
