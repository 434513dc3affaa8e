using Kiln.Tasks;
using Kiln.Tests.Tasks.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

public sealed class PlanTests
{
    [Fact]
    public void Describe_lists_the_tasks_numbered_under_their_phases()
    {
        var plan = new Plan([new ZebraValidation(), new PrepareApt(), new PrepareBoot(), new AardvarkCleaning()]);

        Golden.Verify(plan.Describe());
    }

    [Fact]
    public void Steps_are_numbered_from_one_in_plan_order()
    {
        var plan = new Plan([new PrepareBoot(), new PrepareApt()]);

        plan.Steps.Select(s => (s.Position, s.Task.Name)).ShouldBe([(1, "PrepareBoot"), (2, "PrepareApt")]);
    }
}
