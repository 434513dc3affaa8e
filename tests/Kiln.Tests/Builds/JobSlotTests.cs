using Kiln.Builds;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Builds;

public sealed class JobSlotTests
{
    [Fact]
    public async Task A_waiting_build_lets_the_next_one_start_and_takes_a_place_again_before_it_goes_on()
    {
        using var places = new SemaphoreSlim(1);
        var first = await JobSlot.TakeAsync(places, CancellationToken.None);
        places.CurrentCount.ShouldBe(0);
        var released = new TaskCompletionSource<int>();

        var waiting = first.GivenBackWhileAsync(() => released.Task, CancellationToken.None);
        places.CurrentCount.ShouldBe(1, "the place is free while the build waits");
        var second = await JobSlot.TakeAsync(places, CancellationToken.None);

        released.SetResult(7);
        await Task.Delay(50);
        waiting.IsCompleted.ShouldBeFalse("the first build goes on only when it has a place again");
        second.Dispose();
        (await waiting).ShouldBe(7);
        places.CurrentCount.ShouldBe(0);
        first.Dispose();
        places.CurrentCount.ShouldBe(1);
        first.Dispose();
        places.CurrentCount.ShouldBe(1, "a place is given back once");
    }

    [Fact]
    public async Task An_interrupted_build_gives_back_what_it_waited_for_and_holds_no_place()
    {
        using var places = new SemaphoreSlim(1);
        using var interrupt = new CancellationTokenSource();
        var slot = await JobSlot.TakeAsync(places, CancellationToken.None);
        JobSlot? other = null;
        var treeLock = new Disposable();

        var waiting = slot.GivenBackWhileAsync(async () =>
        {
            other = await JobSlot.TakeAsync(places, CancellationToken.None);
            return treeLock;
        }, interrupt.Token);
        await Task.Delay(50);
        waiting.IsCompleted.ShouldBeFalse("another build has the place");
        await interrupt.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
        treeLock.Disposed.ShouldBeTrue("what it waited for (the tree's lock) is given back");
        slot.Dispose();
        places.CurrentCount.ShouldBe(0, "the interrupted build holds no place, so it gives none back");
        other!.Dispose();
        places.CurrentCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_build_alone_has_nothing_to_give_back()
    {
        (await JobSlot.None.GivenBackWhileAsync(() => Task.FromResult(3), CancellationToken.None)).ShouldBe(3);
    }

    private sealed class Disposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
