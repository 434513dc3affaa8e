using Kiln.Host;

namespace Kiln.SystemTests;

/// <summary>
/// The host state a build must give back, limited to one workspace (tests build in parallel): mounts below
/// it and loop devices whose backing file is in it.
/// </summary>
public sealed record HostState(IReadOnlyList<string> LoopDevices, IReadOnlyList<string> Mounts)
{
    public static HostState Below(string workspace)
    {
        var prefix = workspace.TrimEnd('/') + "/";
        var loops = Directory.Exists("/sys/block")
            ? Directory.GetDirectories("/sys/block", "loop*")
                .Where(d => File.Exists(Path.Combine(d, "loop", "backing_file")) && File.ReadAllText(Path.Combine(d, "loop", "backing_file")).Trim().StartsWith(prefix, StringComparison.Ordinal))
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        return new HostState(loops, MountTable.Below(MountTable.ReadMountPoints(), workspace));
    }

    public bool IsEmpty => LoopDevices.Count == 0 && Mounts.Count == 0;

    public override string ToString() => $"loop devices: [{string.Join(", ", LoopDevices)}], mounts: [{string.Join(", ", Mounts)}]";
}
