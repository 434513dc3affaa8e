using Kiln.Tasks;

namespace Kiln.Tests.Tasks.Fakes;

/// <summary>A validation task whose name sorts last.</summary>
public sealed class ZebraValidation : FakeTask
{
    public override Phase Phase => Phase.Validation;
}
