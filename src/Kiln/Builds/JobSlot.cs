namespace Kiln.Builds;

/// <summary>
/// A build's place among the builds of its run that go at once (<c>--jobs</c>). A build that only waits for
/// another one (the bootstrap whose tree it will use) gives its place to the next build while it waits, and takes
/// one again before it goes on: so builds of one bootstrap go on together once its tree is stored, instead of one
/// after the other.
/// </summary>
public sealed class JobSlot : IDisposable
{
    private readonly SemaphoreSlim? _places;
    private bool _held;

    private JobSlot(SemaphoreSlim? places, bool held)
    {
        _places = places;
        _held = held;
    }

    /// <summary>A build alone in its run: it has nothing to give back.</summary>
    public static JobSlot None => new(null, held: false);

    /// <summary>Waits for a place among <paramref name="places"/>.</summary>
    public static async Task<JobSlot> TakeAsync(SemaphoreSlim places, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(places);
        await places.WaitAsync(cancellationToken);
        return new JobSlot(places, held: true);
    }

    /// <summary>Gives the place back while <paramref name="wait"/> runs, and takes one again when it is done.</summary>
    public async Task<T> GivenBackWhileAsync<T>(Func<Task<T>> wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (_places is null || !_held)
        {
            return await wait();
        }

        _places.Release();
        _held = false;
        var result = await wait();
        try
        {
            await _places.WaitAsync(cancellationToken);
            _held = true;
        }
        catch (OperationCanceledException)
        {
            (result as IDisposable)?.Dispose();
            throw;
        }

        return result;
    }

    public void Dispose()
    {
        if (_held)
        {
            _held = false;
            _places!.Release();
        }
    }
}
