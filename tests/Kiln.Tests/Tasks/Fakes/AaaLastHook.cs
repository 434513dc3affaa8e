using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A hook that runs after every other preparation task, though its name sorts first.</summary>
public sealed class AaaLastHook : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override bool RunsLastInPhase => true;
}
