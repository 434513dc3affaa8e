using Kiln.Platforms;

namespace Kiln.Providers.Gce;

/// <summary>
/// The guest OS features an image is registered with: UEFI_COMPATIBLE when it boots from UEFI (hybrid or UEFI
/// disks, what Shielded VM and Secure Boot need) and VIRTIO_SCSI_MULTIQUEUE, as Debian's images; then the ones
/// the manifest adds (GVNIC, SEV_CAPABLE ...), in GCE's spelling, each once.
/// </summary>
public static class GuestOsFeatures
{
    public const string UefiCompatible = "UEFI_COMPATIBLE";

    public const string VirtioScsiMultiqueue = "VIRTIO_SCSI_MULTIQUEUE";

    public const string Gvnic = "GVNIC";

    /// <summary>The features a manifest may add (compute v1 guestOsFeatures[].type) that mean something for a Debian image.</summary>
    public static IReadOnlyList<string> Optional { get; } =
    [
        Gvnic, "IDPF", "MULTI_IP_SUBNET", "SEV_CAPABLE", "SEV_LIVE_MIGRATABLE", "SEV_LIVE_MIGRATABLE_V2", "SEV_SNP_CAPABLE", "TDX_CAPABLE",
    ];

    /// <summary>The features that need a UEFI boot (confidential VMs boot from UEFI only).</summary>
    public static IReadOnlyList<string> NeedUefi { get; } = ["SEV_CAPABLE", "SEV_LIVE_MIGRATABLE", "SEV_LIVE_MIGRATABLE_V2", "SEV_SNP_CAPABLE", "TDX_CAPABLE"];

    public static IReadOnlyList<string> For(Firmware firmware, IEnumerable<string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var features = new List<string>();
        if (firmware != Firmware.Bios)
        {
            features.Add(UefiCompatible);
        }

        features.Add(VirtioScsiMultiqueue);
        return [.. features.Concat(extra).Distinct(StringComparer.Ordinal)];
    }
}
