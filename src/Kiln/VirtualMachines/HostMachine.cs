using System.Runtime.InteropServices;
using Kiln.Platforms;

namespace Kiln.VirtualMachines;

/// <summary>The architecture of the machine Kiln runs on, as <c>uname -m</c> names it.</summary>
public static class HostMachine
{
    public static string Name => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.X86 => "i686",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>Guests of this architecture could use KVM here (they run natively); others are emulated with TCG.</summary>
    public static bool RunsNatively(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.RunsNativelyOn(Name);
    }
}
