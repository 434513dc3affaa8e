using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>An independent preparation task.</summary>
public sealed class PrepareApt : FakeTask
{
    public override Phase Phase => Phase.Preparation;
}
