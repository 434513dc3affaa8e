using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>A file time as the kernel keeps it: whole seconds since 1970 and the nanoseconds after them.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ExactTime(long Seconds, uint Nanoseconds)
{
    /// <summary>A time on a whole second, as the clamped times of a tree are.</summary>
    public static ExactTime AtSecond(long seconds) => new(seconds, 0);
}
