using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

/// <summary>flock through FileStream: exclusive holds exclude each other and shared ones, shared holds coexist.</summary>
public sealed class FileLockTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kiln-lock-{Guid.NewGuid():N}.lock");

    [Fact]
    public async Task Shared_holders_coexist_and_keep_an_exclusive_one_out_until_the_last_lets_go()
    {
        var first = await FileLock.AcquireSharedAsync(_path, CancellationToken.None);
        var second = await FileLock.AcquireSharedAsync(_path, CancellationToken.None);

        FileLock.TryAcquire(_path).ShouldBeNull();
        first.Dispose();
        FileLock.TryAcquire(_path).ShouldBeNull("the second shared holder still holds it");
        second.Dispose();
        using var exclusive = FileLock.TryAcquire(_path);
        exclusive.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_shared_hold_waits_while_the_lock_is_held_exclusively()
    {
        var exclusive = FileLock.TryAcquire(_path).ShouldNotBeNull();
        var shared = FileLock.AcquireSharedAsync(_path, CancellationToken.None);
        await Task.Delay(300);
        shared.IsCompleted.ShouldBeFalse();

        exclusive.Dispose();
        using var held = await shared.WaitAsync(TimeSpan.FromSeconds(10));
        FileLock.TryAcquire(_path).ShouldBeNull();
    }

    public void Dispose() => File.Delete(_path);
}
