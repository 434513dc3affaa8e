using Kiln.Manifests;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Kvm;

/// <summary>The kvm provider's manifest settings (<c>provider.virtio</c>, <c>console</c>, and Kiln's <c>kernel</c> and <c>ssh</c>).</summary>
public sealed record KvmSettings(IReadOnlyList<string> Virtio, string Console, string? Kernel, bool Ssh)
{
    public static KvmSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.Provider.Settings;
        var virtio = settings["virtio"] is JArray modules ? modules.Select(m => (string)m!).ToList() : [];
        return new KvmSettings(virtio, (string?)settings["console"] ?? "serial", (string?)settings["kernel"], settings["ssh"] is not JValue { Value: false });
    }

    /// <summary>
    /// The kernel package: the cloud flavour where Debian has one (smaller, boots faster in a VM). Under a
    /// 32-bit userspace (userspace_architecture) it is the i386 archive's 64-bit kernel, linux-image-amd64.
    /// </summary>
    public string KernelPackage(string architecture, string? userspaceArchitecture = null) => Kernel ?? (userspaceArchitecture is not null ? $"linux-image-{architecture}" : null) ?? architecture switch
    {
        "amd64" => "linux-image-cloud-amd64",
        "arm64" => "linux-image-cloud-arm64",
        "i386" => "linux-image-686-pae",
        _ => $"linux-image-{architecture}",
    };
}
