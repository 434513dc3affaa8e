using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A cleaning task whose name sorts first.</summary>
public sealed class AardvarkCleaning : FakeTask
{
    public override Phase Phase => Phase.Cleaning;
}
