using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>The end of the chain: after MikeSecond.</summary>
public sealed class AlphaThird : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Predecessors => [typeof(MikeSecond)];
}
