using System.Runtime.InteropServices;

namespace Kiln.Host;

/// <summary>A directory entry's own times to the nanosecond: last access, last modification and last status change.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct EntryTimes(ExactTime Accessed, ExactTime Modified, ExactTime Changed);
