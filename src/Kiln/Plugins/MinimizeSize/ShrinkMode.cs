namespace Kiln.Plugins.MinimizeSize;

/// <summary>How the finished image is rewritten by <c>shrink</c>.</summary>
public enum ShrinkMode
{
    /// <summary>Not at all (the image is already written sparse).</summary>
    None,

    /// <summary>qemu-img rewrites it; qcow2 clusters are compressed (<c>shrink: qemu-img</c> or <c>true</c>).</summary>
    Compressed,

    /// <summary>qemu-img rewrites it without compression (<c>shrink: qemu-img-no-compression</c>).</summary>
    Uncompressed,
}
