using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>The middle of the chain: after ZuluFirst.</summary>
public sealed class MikeSecond : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Predecessors => [typeof(ZuluFirst)];
}
