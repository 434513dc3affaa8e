using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A preparation task that wrongly wants to run after a cleaning task.</summary>
public sealed class EarlyNeedsLate : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override IReadOnlyList<Type> Predecessors => [typeof(AardvarkCleaning)];
}
