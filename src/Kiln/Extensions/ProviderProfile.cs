using Kiln.Platforms;

namespace Kiln.Extensions;

/// <summary>What a provider's machines are like, for the settings it bound: its default firmware, virtual hardware and SSH.</summary>
public sealed record ProviderProfile
{
    /// <summary>The firmware an image gets when the manifest names none.</summary>
    public required Firmware DefaultFirmware { get; init; }

    /// <summary>How the cloud or hypervisor presents the disk and network to the guest.</summary>
    public required VirtualHardware Hardware { get; init; }

    /// <summary>The image has an SSH server the provider installs.</summary>
    public bool SshServer { get; init; }

    /// <summary>The provider writes a disk image (false for container images, which are written from the root tree).</summary>
    public bool WritesDisk { get; init; } = true;
}
