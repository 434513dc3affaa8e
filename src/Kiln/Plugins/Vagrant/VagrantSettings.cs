using Kiln.Specs;

namespace Kiln.Plugins.Vagrant;

/// <summary>The vagrant plugin's settings: the Vagrant provider the box is for, when the manifest names one.</summary>
public sealed record VagrantSettings(string? BoxProvider)
{
    public const string VirtualBox = "virtualbox";
    public const string Libvirt = "libvirt";

    public SourceMap Where { get; init; } = SourceMap.None;

    public static VagrantSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new VagrantSettings((string?)section.Object["provider"]) { Where = section.Locations };
    }

    /// <summary>
    /// The box's Vagrant provider: the manifest's, else the one that runs the image's machine (bootstrap-vz always
    /// chose virtualbox, which a kvm image cannot be).
    /// </summary>
    public string BoxProviderFor(string imageProvider) => BoxProvider ?? (imageProvider == Providers.Kvm.KvmProvider.ProviderName ? Libvirt : VirtualBox);
}
