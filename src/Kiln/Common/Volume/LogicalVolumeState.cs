using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>The logical volume a <c>backing: lvm</c> build is writing: its temporary name, and the undo step that removes it.</summary>
public sealed class LogicalVolumeState
{
    public string? TemporaryName { get; set; }

    public UndoEntry? Removal { get; set; }
}
