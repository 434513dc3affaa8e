using Kiln.Host;

namespace Kiln.SystemTests;

/// <summary>The host state a build must give back: loop devices and mounts.</summary>
public sealed record HostState(IReadOnlyList<string> LoopDevices, IReadOnlyList<string> Mounts)
{
    public static HostState Capture()
    {
        var loops = Directory.Exists("/sys/block")
            ? Directory.GetDirectories("/sys/block", "loop*").Where(d => File.Exists(Path.Combine(d, "loop", "backing_file"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        return new HostState(loops, MountTable.ReadMountPoints());
    }

    /// <summary>What exists now that did not exist in <paramref name="before"/>.</summary>
    public static HostState Leftovers(HostState before, HostState after) =>
        new([.. after.LoopDevices.Except(before.LoopDevices)], [.. after.Mounts.Except(before.Mounts)]);

    public bool IsEmpty => LoopDevices.Count == 0 && Mounts.Count == 0;

    public override string ToString() => $"loop devices: [{string.Join(", ", LoopDevices)}], mounts: [{string.Join(", ", Mounts)}]";
}
