using Kiln.Platforms;

namespace Kiln.Host;

/// <summary>
/// The environment programs of a foreign architecture run with under qemu-user: a CPU model without pointer
/// authentication, which QEMU emulates slowly and Debian does not need.
/// </summary>
public static class ForeignEnvironment
{
    public static IReadOnlyDictionary<string, string> For(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.EmulatedCpu is { } cpu
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["QEMU_CPU"] = cpu }
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
