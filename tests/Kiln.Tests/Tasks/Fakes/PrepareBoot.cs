using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>An independent preparation task.</summary>
public sealed class PrepareBoot : FakeTask
{
    public override Phase Phase => Phase.Preparation;
}
