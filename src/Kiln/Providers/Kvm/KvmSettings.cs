using Kiln.Platforms;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Kvm;

/// <summary>The kvm provider's manifest settings (<c>provider.virtio</c>, <c>console</c>, and Kiln's <c>kernel</c> and <c>ssh</c>).</summary>
public sealed record KvmSettings(IReadOnlyList<string> Virtio, string Console, string? Kernel, bool Ssh)
{
    public static KvmSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var virtio = settings["virtio"] is JArray modules ? modules.Select(m => (string)m!).ToList() : [];
        return new KvmSettings(virtio, (string?)settings["console"] ?? "serial", (string?)settings["kernel"], settings["ssh"] is not JValue { Value: false });
    }

    /// <summary>
    /// The kernel package: the cloud flavour where Debian has one (smaller, boots faster in a VM). Under a
    /// 32-bit userspace (userspace_architecture) it is the i386 archive's 64-bit kernel, linux-image-amd64.
    /// </summary>
    public string KernelPackage(ArchitectureProfile architecture, string? userspaceArchitecture = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return Kernel ?? (userspaceArchitecture is not null ? architecture.GenericKernelPackage : architecture.DefaultKernelPackage);
    }
}
