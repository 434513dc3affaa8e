using Kiln.Tasks;

namespace Kiln.Plugins.Hooks;

/// <summary>The hooks' pending calls for the end of the build: <c>rollback</c> (only on failure) and <c>clean</c>.</summary>
public sealed class HookState
{
    public UndoEntry? Rollback { get; set; }

    public UndoEntry? Clean { get; set; }
}
