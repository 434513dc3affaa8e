using Microsoft.Extensions.Logging;

namespace Kiln.Tasks;

/// <summary>
/// What a build has acquired on the host (loop devices, mounts, files), each with the step that gives it
/// back. A step is registered the moment its resource is acquired; the executor unwinds what is left, in
/// reverse, when the build fails, is interrupted, or ends.
/// </summary>
public sealed partial class UndoStack(ILogger logger)
{
    private readonly List<UndoEntry> _entries = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public IReadOnlyList<string> Descriptions
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries.Select(e => e.Description)];
            }
        }
    }

    /// <summary>Registers how to give back something just acquired; the returned entry releases it early.</summary>
    public UndoEntry Push(string description, Func<CancellationToken, Task> undo)
    {
        var entry = new UndoEntry(this, description, undo);
        lock (_lock)
        {
            _entries.Add(entry);
        }

        return entry;
    }

    /// <summary>Runs every remaining step, newest first; a failing step is logged and the next one still runs.</summary>
    public async Task<IReadOnlyList<Exception>> UnwindAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        while (TakeLast() is { } entry)
        {
            LogUndoing(entry.Description);
            try
            {
                await entry.Action(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogUndoFailed(entry.Description, exception.Message);
                failures.Add(exception);
            }
        }

        return failures;
    }

    internal bool Remove(UndoEntry entry)
    {
        lock (_lock)
        {
            return _entries.Remove(entry);
        }
    }

    private UndoEntry? TakeLast()
    {
        lock (_lock)
        {
            if (_entries.Count == 0)
            {
                return null;
            }

            var entry = _entries[^1];
            _entries.RemoveAt(_entries.Count - 1);
            return entry;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "undo: {Description}")]
    private partial void LogUndoing(string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "undo failed: {Description}: {Error}")]
    private partial void LogUndoFailed(string description, string error);
}
