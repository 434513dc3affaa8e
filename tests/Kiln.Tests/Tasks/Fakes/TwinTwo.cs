using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>The other of two task types that claim the same name.</summary>
public sealed class TwinTwo : FakeTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Name => "Twin";
}
