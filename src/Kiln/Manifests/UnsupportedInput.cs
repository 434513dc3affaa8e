namespace Kiln.Manifests;

/// <summary>
/// bootstrap-vz input Kiln recognises but does not offer (yet), with the reason, so that "unknown" is said only of
/// what is really unknown: providers and plugins that wait for their turn, volume formats of other providers.
/// </summary>
public static class UnsupportedInput
{
    /// <summary>bootstrap-vz's providers Kiln has not implemented.</summary>
    public static IReadOnlyDictionary<string, string> Providers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    /// <summary>bootstrap-vz's plugins Kiln has not implemented.</summary>
    public static IReadOnlyDictionary<string, string> Plugins { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    private static readonly Dictionary<(string Path, string Value), string> Values = new()
    {
        [("volume.backing", "s3")] = "instance-store (S3) AMIs are retired; the ec2 provider builds EBS-backed AMIs (backing: ebs or vmdk)",
        [("volume.backing", "ebs")] = "ebs is the ec2 provider's backing; the kvm provider writes raw, qcow2 or lvm",
        [("volume.backing", "vdi")] = "the kvm provider writes raw, qcow2 or lvm; vdi is the virtualbox provider's (provider: virtualbox)",
        [("volume.backing", "vmdk")] = "the kvm provider writes raw, qcow2 or lvm; vmdk is the virtualbox provider's (provider: virtualbox)",
        [("volume.backing", "vhd")] = "the kvm provider writes raw, qcow2 or lvm; vhd is the azure provider's (provider: azure)",
        [("volume.backing", "folder")] = "a folder was bootstrap-vz's docker output; Kiln's docker provider writes OCI and docker archives (provider: docker)",
        [("system.bootloader", "pvgrub")] = "pvgrub boots Xen paravirtual guests, which EC2 has retired; use grub",
    };

    /// <summary>Why a value bootstrap-vz accepted is not offered here, or null when it is simply not allowed.</summary>
    public static string? WhyNot(string path, string value) => Values.GetValueOrDefault((path, value));
}
