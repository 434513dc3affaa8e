using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>The first of a chain whose names sort the other way round.</summary>
public sealed class ZuluFirst : FakeTask
{
    public override Phase Phase => Phase.Preparation;
}
