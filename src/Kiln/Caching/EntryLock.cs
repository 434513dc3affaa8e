namespace Kiln.Caching;

/// <summary>
/// An exclusive lock on one saved tree, so that two builds never read a tree while a third replaces it. It is
/// an advisory lock on the lock file (.NET takes flock for FileShare.None), released when the build's process
/// ends however it ends.
/// </summary>
public sealed class EntryLock : IDisposable
{
    private readonly FileStream _file;

    private EntryLock(FileStream file) => _file = file;

    public static async Task<EntryLock> AcquireAsync(string path, Action<string> waiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var announced = false;
        while (true)
        {
            try
            {
                return new EntryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!announced)
                {
                    waiting($"waiting for another build that uses the stored tree ({path})");
                    announced = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>Takes the lock if it is free, or returns null at once.</summary>
    public static EntryLock? TryAcquire(string path)
    {
        try
        {
            return new EntryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
