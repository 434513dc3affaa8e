using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A task that names PrepareApt as its successor.</summary>
public sealed class YankeeBeforeApt : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Successors => [typeof(PrepareApt)];
}
