namespace Kiln.Disks.Lvm;

/// <summary>Whether the build host's kernel has device-mapper, which a logical volume of the host needs to be used as a disk.</summary>
public static class DeviceMapper
{
    public const string Missing =
        "backing lvm needs device-mapper on the build host, and this kernel has none (no device-mapper in /proc/misc); " +
        "build a raw image instead and copy it onto the volume (dd or qemu-img convert), or build on a host with device-mapper";

    /// <summary>True when /proc/misc's text lists the device-mapper control device.</summary>
    public static bool IsListedIn(string procMisc)
    {
        ArgumentNullException.ThrowIfNull(procMisc);
        return procMisc.Split('\n').Any(line => line.Trim().EndsWith(" device-mapper", StringComparison.Ordinal));
    }

    /// <summary>True when a modules.dep lists dm-mod, which the kernel loads when LVM opens /dev/mapper/control.</summary>
    public static bool IsModuleIn(string modulesDep)
    {
        ArgumentNullException.ThrowIfNull(modulesDep);
        return modulesDep.Split('\n').Any(line => line.Split(':')[0].EndsWith("/dm-mod.ko", StringComparison.Ordinal) || line.Split(':')[0].Contains("/dm-mod.ko.", StringComparison.Ordinal));
    }

    public static bool IsAvailable()
    {
        return (File.Exists("/proc/misc") && IsListedIn(File.ReadAllText("/proc/misc")))
            || Directory.Exists("/sys/module/dm_mod")
            || ModulesDepOfRunningKernel() is { } dep && IsModuleIn(dep);
    }

    private static string? ModulesDepOfRunningKernel()
    {
        var release = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        var path = release is null ? null : $"/lib/modules/{release}/modules.dep";
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
