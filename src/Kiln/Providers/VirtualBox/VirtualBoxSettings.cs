using Kiln.Platforms;
using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.VirtualBox;

/// <summary>The virtualbox provider's settings: bootstrap-vz's <c>guest_additions</c> (refused at validation) and Kiln's <c>kernel</c> and <c>ssh</c>.</summary>
public sealed record VirtualBoxSettings(string? GuestAdditions, string? Kernel, bool Ssh)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static VirtualBoxSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new VirtualBoxSettings((string?)settings["guest_additions"], (string?)settings["kernel"], settings["ssh"] is not JValue { Value: false })
        {
            Where = section.Locations,
        };
    }

    /// <summary>
    /// The generic kernel flavour, as bootstrap-vz chose: unlike the cloud flavour it has the drivers of VirtualBox's
    /// emulated hardware and its guest drivers (vboxguest, vboxsf, vboxvideo).
    /// </summary>
    public string KernelPackage(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return Kernel ?? architecture.GenericKernelPackage;
    }
}
