using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A cleaning task that wrongly wants to run before a preparation task.</summary>
public sealed class LateBeforeEarly : FakeTask
{
    public override Phase Phase => Phase.Cleaning;

    public override IReadOnlyList<Type> Successors => [typeof(PrepareBoot)];
}
