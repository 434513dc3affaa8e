namespace Kiln.Host;

/// <summary>
/// An advisory lock on a file (.NET takes flock: exclusive for FileShare.None, shared for a file opened to read
/// with sharing), released when the process ends however it ends: one saved tree, so that two builds never read
/// a tree while a third replaces it, and held shared by every build whose root is layered on it; the host's apt,
/// so that two kiln processes never install host tools at once.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _file;

    // Short: a build waiting for another build's tree goes on this soon after the tree is stored.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private FileLock(FileStream file) => _file = file;

    /// <summary>Waits for the lock of a saved tree.</summary>
    public static Task<FileLock> AcquireAsync(string path, Action<string> tell, CancellationToken cancellationToken) =>
        AcquireAsync(path, $"waiting for another build that uses the stored tree ({path})", tell, cancellationToken);

    /// <summary>Waits for the lock, telling <paramref name="waitingMessage"/> once if it is held.</summary>
    public static async Task<FileLock> AcquireAsync(string path, string waitingMessage, Action<string> tell, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tell);
        var announced = false;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!announced)
                {
                    tell(waitingMessage);
                    announced = true;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    /// <summary>Takes the lock if it is free, or returns null at once.</summary>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits for a shared hold of the lock: any number of shared holders at once, none while somebody holds it
    /// exclusively (a removal, which takes it only when nobody holds it).
    /// </summary>
    public static async Task<FileLock> AcquireSharedAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
