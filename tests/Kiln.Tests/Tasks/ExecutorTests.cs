using Kiln.Tasks;
using Kiln.Tests.Tasks.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

public sealed class ExecutorTests
{
    private readonly List<string> _log = [];
    private readonly IBuildObserver _observer = Substitute.For<IBuildObserver>();
    private readonly BuildContext _context = TestBuildContexts.Create();

    [Fact]
    public async Task A_successful_build_runs_every_task_in_order_and_gives_back_what_is_left()
    {
        var plan = new Plan([Step("one", Acquire("loop")), Step("two"), Step("three", Acquire("mount"))]);

        var result = await Run(plan);

        _log.ShouldBe(["run one", "run two", "run three", "undo mount", "undo loop"]);
        result.Outcome.ShouldBe(BuildOutcome.Succeeded);
        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeNull();
        result.Timings.Select(t => t.Task).ShouldBe(["one", "two", "three"]);
        result.UndoFailures.ShouldBeEmpty();
        _context.Undo.Count.ShouldBe(0);
        _observer.DidNotReceive().RollbackStarted(Arg.Any<int>());
        _observer.Received(3).TaskFinished(Arg.Any<PlannedTask>(), Arg.Any<TimeSpan>());
    }

    [Fact]
    public async Task The_plan_is_handed_to_the_context()
    {
        var plan = new Plan([Step("one")]);

        await Run(plan);

        _context.Plan.ShouldBeSameAs(plan);
    }

    [Fact]
    public async Task A_failing_task_stops_the_build_and_everything_acquired_is_undone_in_reverse()
    {
        var plan = new Plan([Step("one", Acquire("loop")), Step("two", Acquire("mount")), Step("three", Fail(new KilnException("mkfs failed"))), Step("four")]);

        var result = await Run(plan);

        _log.ShouldBe(["run one", "run two", "run three", "undo mount", "undo loop"]);
        result.Outcome.ShouldBe(BuildOutcome.Failed);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldNotBeNull().Message.ShouldBe("mkfs failed");
        result.Timings.Select(t => t.Task).ShouldBe(["one", "two", "three"]);
        _observer.Received(1).TaskFailed(Arg.Is<PlannedTask>(step => step.Position == 3), result.Error);
        _observer.Received(1).RollbackStarted(2);
        _observer.Received(1).RollbackFinished(Arg.Is<IReadOnlyList<Exception>>(failures => failures.Count == 0));
    }

    [Fact]
    public async Task A_task_that_fails_half_way_is_undone_as_far_as_it_got()
    {
        var plan = new Plan([Step("one", Acquire("loop")), Step("two", async (context, token) =>
        {
            await Acquire("mount")(context, token);
            throw new KilnException("copy failed");
        })]);

        await Run(plan);

        _log.ShouldBe(["run one", "run two", "undo mount", "undo loop"]);
    }

    [Fact]
    public async Task Bad_input_found_during_the_build_gives_exit_code_2()
    {
        var result = await Run(new Plan([Step("one", Fail(new UserInputException("missing host tools: sfdisk")))]));

        result.Outcome.ShouldBe(BuildOutcome.Failed);
        result.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task An_unexpected_exception_gives_exit_code_1()
    {
        var result = await Run(new Plan([Step("one", Fail(new IOException("disk full")))]));

        result.Outcome.ShouldBe(BuildOutcome.Failed);
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldBeOfType<IOException>();
    }

    [Fact]
    public async Task A_failing_undo_step_is_reported_and_the_rest_of_the_rollback_runs()
    {
        var plan = new Plan([Step("one", Acquire("loop")), Step("two", (context, _) =>
        {
            context.Undo.Push("unmount", _ => throw new InvalidOperationException("target is busy"));
            throw new KilnException("boom");
        })]);

        var result = await Run(plan);

        _log.ShouldBe(["run one", "run two", "undo loop"]);
        result.UndoFailures.ShouldHaveSingleItem().Message.ShouldBe("target is busy");
        result.Error!.Message.ShouldBe("boom");
    }

    [Fact]
    public async Task Cancellation_interrupts_the_build_rolls_back_and_gives_exit_code_130()
    {
        using var cancellation = new CancellationTokenSource();
        var plan = new Plan([Step("one", Acquire("loop")), Step("two", (_, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }), Step("three")]);

        var result = await Run(plan, new ExecutionOptions(), cancellation.Token);

        _log.ShouldBe(["run one", "run two", "undo loop"]);
        result.Outcome.ShouldBe(BuildOutcome.Interrupted);
        result.ExitCode.ShouldBe(130);
        result.Error.ShouldBeOfType<OperationCanceledException>().Message.ShouldBe("the build was interrupted");
    }

    [Fact]
    public async Task Cancellation_between_tasks_starts_no_further_task()
    {
        using var cancellation = new CancellationTokenSource();
        var plan = new Plan([Step("one", (_, _) =>
        {
            cancellation.Cancel();
            return Task.CompletedTask;
        }), Step("two")]);

        var result = await Run(plan, new ExecutionOptions(), cancellation.Token);

        _log.ShouldBe(["run one"]);
        result.Outcome.ShouldBe(BuildOutcome.Interrupted);
        result.ExitCode.ShouldBe(130);
    }

    [Fact]
    public async Task A_dry_run_runs_no_task_but_walks_the_whole_plan()
    {
        var plan = new Plan([Step("one", Acquire("loop")), Step("two", Fail(new KilnException("boom")))]);

        var result = await Run(plan, new ExecutionOptions { DryRun = true });

        _log.ShouldBeEmpty();
        result.Outcome.ShouldBe(BuildOutcome.Succeeded);
        result.Timings.Select(t => t.Task).ShouldBe(["one", "two"]);
        _observer.Received(1).TaskStarted(Arg.Is<PlannedTask>(step => step.Position == 2), 2);
    }

    [Fact]
    public async Task Before_rollback_is_called_with_the_error_before_anything_is_undone()
    {
        var error = new KilnException("boom");
        var options = new ExecutionOptions
        {
            BeforeRollback = exception =>
            {
                _log.Add($"pause: {exception.Message}");
                return Task.CompletedTask;
            },
        };

        await Run(new Plan([Step("one", Acquire("loop")), Step("two", Fail(error))]), options);

        _log.ShouldBe(["run one", "run two", "pause: boom", "undo loop"]);
    }

    [Fact]
    public async Task A_failing_before_rollback_step_does_not_keep_the_rollback_from_running()
    {
        var options = new ExecutionOptions { BeforeRollback = _ => throw new IOException("stdin is closed") };

        var result = await Run(new Plan([Step("one", Acquire("loop")), Step("two", Fail(new KilnException("boom")))]), options);

        _log.ShouldBe(["run one", "run two", "undo loop"]);
        result.Outcome.ShouldBe(BuildOutcome.Failed);
        result.Error!.Message.ShouldBe("boom");
    }

    [Fact]
    public async Task Before_rollback_is_not_called_when_the_build_succeeds_or_is_interrupted()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = 0;
        var options = new ExecutionOptions
        {
            BeforeRollback = _ =>
            {
                calls++;
                return Task.CompletedTask;
            },
        };

        await Run(new Plan([Step("one")]), options);
        await Run(new Plan([Step("two", (_, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        })]), options, cancellation.Token);

        calls.ShouldBe(0);
    }

    [Fact]
    public async Task Phase_timings_add_up_per_phase_in_phase_order()
    {
        var plan = new Plan([new RecordingTask("validate", _log, phase: Phase.Validation), Step("prepare"), new RecordingTask("clean", _log, phase: Phase.Cleaning)]);

        var result = await Run(plan);

        result.PhaseTimings.Select(p => p.Phase).ShouldBe([Phase.Validation, Phase.Preparation, Phase.Cleaning]);
    }

    private Task<ExecutionResult> Run(Plan plan, ExecutionOptions? options = null, CancellationToken cancellationToken = default) =>
        new Executor(NullLogger<Executor>.Instance, _observer).RunAsync(plan, _context, options ?? new ExecutionOptions(), cancellationToken);

    private RecordingTask Step(string name, Func<BuildContext, CancellationToken, Task>? action = null) => new(name, _log, action);

    private Func<BuildContext, CancellationToken, Task> Acquire(string resource) => (context, _) =>
    {
        context.Undo.Push(resource, _ =>
        {
            _log.Add($"undo {resource}");
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    };

    private static Func<BuildContext, CancellationToken, Task> Fail(Exception error) => (_, _) => throw error;
}
