using Kiln.Tasks;
using Kiln.Tests.Tasks.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

public sealed class PlannerTests
{
    [Fact]
    public void Unordered_tasks_of_a_phase_run_in_name_order()
    {
        var plan = Plan(catalog: [new PrepareDisk(), new PrepareApt(), new PrepareBoot()], chosen: [new PrepareDisk(), new PrepareBoot(), new PrepareApt()]);

        plan.ShouldBe(["PrepareApt", "PrepareBoot", "PrepareDisk"]);
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_tasks_were_given_in()
    {
        BuildTask[] tasks = [new ZuluFirst(), new PrepareBoot(), new AlphaThird(), new MikeSecond(), new YankeeBeforeApt(), new PrepareApt()];

        var forward = Plan(tasks, tasks);
        var backward = Plan([.. tasks.Reverse()], [.. tasks.Reverse()]);

        forward.ShouldBe(["PrepareBoot", "YankeeBeforeApt", "PrepareApt", "ZuluFirst", "MikeSecond", "AlphaThird"]);
        backward.ShouldBe(forward);
    }

    [Fact]
    public void Predecessors_run_first_whatever_their_names()
    {
        BuildTask[] chain = [new AlphaThird(), new MikeSecond(), new ZuluFirst()];

        Plan(chain, chain).ShouldBe(["ZuluFirst", "MikeSecond", "AlphaThird"]);
    }

    [Fact]
    public void Successors_run_later_whatever_their_names()
    {
        BuildTask[] tasks = [new PrepareApt(), new YankeeBeforeApt()];

        Plan(tasks, tasks).ShouldBe(["YankeeBeforeApt", "PrepareApt"]);
    }

    [Fact]
    public void Phases_run_in_order_whatever_the_names()
    {
        BuildTask[] tasks = [new AardvarkCleaning(), new PrepareApt(), new ZebraValidation()];

        Plan(tasks, tasks).ShouldBe(["ZebraValidation", "PrepareApt", "AardvarkCleaning"]);
    }

    [Fact]
    public void A_constraint_through_a_task_that_is_known_but_not_chosen_still_holds()
    {
        var plan = Plan(catalog: [new ZuluFirst(), new MikeSecond(), new AlphaThird()], chosen: [new AlphaThird(), new ZuluFirst()]);

        plan.ShouldBe(["ZuluFirst", "AlphaThird"]);
    }

    [Fact]
    public void A_predecessor_no_known_task_is_refused_naming_both()
    {
        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of([new ZuluFirst(), new AlphaThird()]), Chosen([new AlphaThird(), new ZuluFirst()])));

        error.Problems.ShouldBe(["AlphaThird names MikeSecond as a predecessor, but no task of that type exists (is it a BuildTask with a parameterless constructor in a loaded assembly?)"]);
    }

    [Fact]
    public void A_successor_no_known_task_is_refused_naming_both()
    {
        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of([new YankeeBeforeApt()]), Chosen([new YankeeBeforeApt()])));

        error.Problems.ShouldBe(["YankeeBeforeApt names PrepareApt as a successor, but no task of that type exists (is it a BuildTask with a parameterless constructor in a loaded assembly?)"]);
    }

    [Fact]
    public void Only_chosen_tasks_are_in_the_plan()
    {
        var plan = Plan(catalog: [new PrepareApt(), new PrepareBoot(), new PrepareDisk()], chosen: [new PrepareBoot()]);

        plan.ShouldBe(["PrepareBoot"]);
    }

    [Fact]
    public void A_chosen_task_missing_from_the_catalog_is_planned_too()
    {
        Plan(catalog: [], chosen: [new PrepareApt()]).ShouldBe(["PrepareApt"]);
    }

    [Fact]
    public void A_cycle_names_every_task_in_it()
    {
        BuildTask[] tasks = [new CycleOne(), new CycleTwo(), new CycleThree(), new PrepareApt()];

        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of(tasks), Chosen(tasks)));

        error.Problems.ShouldBe(["cycle: CycleOne -> CycleTwo -> CycleThree -> CycleOne (in preparation)"]);
        error.Message.ShouldBe("the tasks cannot be ordered:\n  cycle: CycleOne -> CycleTwo -> CycleThree -> CycleOne (in preparation)");
        error.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void A_cycle_among_tasks_not_chosen_is_still_an_error()
    {
        Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of([new CycleOne(), new CycleTwo(), new CycleThree()]), Chosen([new PrepareApt()])))
            .Problems.ShouldHaveSingleItem().ShouldStartWith("cycle: ");
    }

    [Fact]
    public void A_predecessor_in_a_later_phase_is_an_error_naming_both_tasks_and_phases()
    {
        BuildTask[] tasks = [new EarlyNeedsLate(), new AardvarkCleaning()];

        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of(tasks), Chosen(tasks)));

        error.Problems.ShouldBe(["EarlyNeedsLate (preparation) names AardvarkCleaning as a predecessor, but AardvarkCleaning runs in the later phase cleaning"]);
    }

    [Fact]
    public void A_successor_in_an_earlier_phase_is_an_error_naming_both_tasks_and_phases()
    {
        BuildTask[] tasks = [new LateBeforeEarly(), new PrepareBoot()];

        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of(tasks), Chosen(tasks)));

        error.Problems.ShouldBe(["LateBeforeEarly (cleaning) names PrepareBoot as a successor, but PrepareBoot runs in the earlier phase preparation"]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        BuildTask[] tasks = [new EarlyNeedsLate(), new AardvarkCleaning(), new LateBeforeEarly(), new PrepareBoot(), new CycleOne(), new CycleTwo(), new CycleThree()];

        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of(tasks), Chosen([new PrepareBoot()])));

        error.Problems.Count.ShouldBe(3);
    }

    [Fact]
    public void A_task_that_runs_last_in_its_phase_comes_after_every_other_task_of_the_phase()
    {
        BuildTask[] tasks = [new AaaLastHook(), new PrepareApt(), new ZuluFirst(), new PrepareDisk(), new ZebraValidation(), new AardvarkCleaning()];

        Plan(tasks, tasks).ShouldBe(["ZebraValidation", "PrepareApt", "PrepareDisk", "ZuluFirst", "AaaLastHook", "AardvarkCleaning"]);
    }

    [Fact]
    public void Two_task_types_with_the_same_name_are_reported()
    {
        var error = Should.Throw<PlanningException>(() => Planner.CreatePlan(TaskCatalog.Of([new TwinOne(), new TwinTwo()]), Chosen([new TwinOne()])));

        error.Problems.ShouldBe(["two tasks are named Twin: Kiln.Tests.Tasks.Fakes.TwinOne and Kiln.Tests.Tasks.Fakes.TwinTwo"]);
    }

    [Fact]
    public void The_same_task_type_twice_in_the_catalog_is_no_duplicate()
    {
        Plan(catalog: [new PrepareApt(), new PrepareApt()], chosen: [new PrepareApt()]).ShouldBe(["PrepareApt"]);
    }

    [Fact]
    public void The_chosen_instance_is_the_one_planned()
    {
        var chosen = new PrepareApt();

        var plan = Planner.CreatePlan(TaskCatalog.Of([new PrepareApt()]), Chosen([chosen]));

        plan.Tasks.ShouldHaveSingleItem().ShouldBeSameAs(chosen);
    }

    private static List<string> Plan(BuildTask[] catalog, BuildTask[] chosen) =>
        [.. Planner.CreatePlan(TaskCatalog.Of(catalog), Chosen(chosen)).Tasks.Select(t => t.Name)];

    private static TaskSet Chosen(IEnumerable<BuildTask> tasks) => new TaskSet().AddRange(tasks);
}
