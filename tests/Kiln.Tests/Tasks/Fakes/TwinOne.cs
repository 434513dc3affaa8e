using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>One of two task types that claim the same name.</summary>
public sealed class TwinOne : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Name => "Twin";
}
