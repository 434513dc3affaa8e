using System.Diagnostics;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// Removes a test's directory without ever deleting through a mount: whatever a failed build left mounted below it
/// (a root tree's /proc, /sys or /dev) is detached first, and loop devices backed by its files are freed. A plain
/// recursive delete of a root tree with the host's /dev bound into it deletes the host's device nodes.
/// </summary>
public static class TestDirectory
{
    public static void Remove(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var left = HostState.Below(directory);
        foreach (var mountPoint in left.Mounts)
        {
            Run("umount", "--lazy", mountPoint);
        }

        foreach (var loop in left.LoopDevices)
        {
            Run("losetup", "--detach", $"/dev/{loop}");
        }

        HostState.Below(directory).Mounts.Count.ShouldBe(0, $"still mounted below {directory}; not deleting it");
        Directory.Delete(directory, recursive: true);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
    }
}
