using Kiln.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Tasks;

public sealed class UndoStackTests
{
    private readonly List<string> _log = [];
    private readonly UndoStack _stack = new(NullLogger.Instance);

    [Fact]
    public async Task Unwinding_runs_the_steps_newest_first_and_empties_the_stack()
    {
        Push("detach loop");
        Push("unmount /proc");
        Push("remove policy-rc.d");

        var failures = await _stack.UnwindAsync(CancellationToken.None);

        _log.ShouldBe(["remove policy-rc.d", "unmount /proc", "detach loop"]);
        failures.ShouldBeEmpty();
        _stack.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_step_is_returned_and_the_others_still_run()
    {
        Push("first");
        _stack.Push("second", _ => throw new InvalidOperationException("busy"));
        Push("third");

        var failures = await _stack.UnwindAsync(CancellationToken.None);

        _log.ShouldBe(["third", "first"]);
        failures.ShouldHaveSingleItem().Message.ShouldBe("busy");
        _stack.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Releasing_a_step_runs_it_once_and_takes_it_off_the_stack()
    {
        Push("first");
        var entry = Push("second");

        await entry.ReleaseAsync(CancellationToken.None);
        await _stack.UnwindAsync(CancellationToken.None);

        _log.ShouldBe(["second", "first"]);
    }

    [Fact]
    public async Task Dismissing_a_step_takes_it_off_the_stack_without_running_it()
    {
        Push("first");
        var entry = Push("keep the image");

        entry.Dismiss();
        await _stack.UnwindAsync(CancellationToken.None);

        _log.ShouldBe(["first"]);
    }

    [Fact]
    public async Task A_step_whose_release_fails_stays_for_the_rollback()
    {
        var attempts = 0;
        var entry = _stack.Push("unmount busy", _ =>
        {
            attempts++;
            return attempts == 1 ? throw new InvalidOperationException("target is busy") : Task.CompletedTask;
        });

        await Should.ThrowAsync<InvalidOperationException>(() => entry.ReleaseAsync(CancellationToken.None));
        _stack.Descriptions.ShouldBe(["unmount busy"]);
        var failures = await _stack.UnwindAsync(CancellationToken.None);

        attempts.ShouldBe(2);
        failures.ShouldBeEmpty();
        _stack.Count.ShouldBe(0);
    }

    [Fact]
    public void Descriptions_are_listed_oldest_first()
    {
        Push("a");
        Push("b");

        _stack.Descriptions.ShouldBe(["a", "b"]);
        _stack.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_token_given_to_unwinding_reaches_every_step()
    {
        using var source = new CancellationTokenSource();
        CancellationToken seen = default;
        _stack.Push("look", token =>
        {
            seen = token;
            return Task.CompletedTask;
        });

        await _stack.UnwindAsync(source.Token);

        seen.ShouldBe(source.Token);
    }

    private UndoEntry Push(string description) => _stack.Push(description, _ =>
    {
        _log.Add(description);
        return Task.CompletedTask;
    });
}
