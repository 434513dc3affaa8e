namespace Kiln.Tasks;

/// <summary>One registered undo step; release it when the normal flow gives the resource back.</summary>
public sealed class UndoEntry
{
    private readonly UndoStack _stack;

    internal UndoEntry(UndoStack stack, string description, Func<CancellationToken, Task> action)
    {
        _stack = stack;
        Description = description;
        Action = action;
    }

    public string Description { get; }

    internal Func<CancellationToken, Task> Action { get; }

    /// <summary>Runs the step now and removes it from the stack (the normal, successful path).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        // Removed only once it worked: if giving the resource back fails, the rollback tries again.
        await Action(cancellationToken);
        _stack.Remove(this);
    }

    /// <summary>Removes the step without running it: the resource now outlives the build on purpose.</summary>
    public void Dismiss() => _stack.Remove(this);
}
