using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Plugins.CloudInit;
using Kiln.Specs;

namespace Kiln.Providers.Oracle;

/// <summary>
/// What an oracle manifest must be for Oracle Cloud Infrastructure, and what of bootstrap-vz's keys for Oracle
/// Compute Cloud Classic no longer means anything: each refusal names what changed and what to write instead.
/// </summary>
public static class OracleRules
{
    /// <summary>The largest image OCI imports.</summary>
    public static readonly Disks.ByteSize MaximumImage = Disks.ByteSize.Parse("400GiB");

    public static IEnumerable<ManifestError> Check(BuildSpec spec, OracleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var where = settings.Where;
        var core = settings.Core;
        if (settings.ClassicCredentials.Count > 0)
        {
            yield return where.ErrorAt("credentials", "credentials logged in to Oracle Compute Cloud Classic's storage service, which is gone; OCI's API is signed with the API key of an ~/.oci/config profile (provider.profile, OCI_CLI_PROFILE) and the upload uses a customer secret key as S3 access key (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), so remove credentials");
        }

        if (settings.BucketConflict)
        {
            yield return where.ErrorAt("container", "container (bootstrap-vz's name) and bucket name different buckets; write one of them");
        }

        if (spec.Manifest.Volume.Backing == "raw")
        {
            yield return new ManifestError(core.Backing, "OCI imports QCOW2 and VMDK custom images, not raw disks (bootstrap-vz's raw tarball went to Oracle Compute Cloud Classic); use backing: qcow2");
        }

        if (spec.Architecture != Architectures.Amd64)
        {
            yield return new ManifestError(core.Architecture, "Kiln imports oracle images in OCI's PARAVIRTUALIZED launch mode, which runs x86 shapes; Arm shapes need UEFI_64 set in an image capability schema, which Kiln does not write; use architecture: amd64");
        }

        if (spec.Platform.Firmware == Firmware.Uefi)
        {
            yield return new ManifestError(settings.FirmwareKey, "OCI chooses an imported image's firmware (BIOS or UEFI_64) by shape and capability schema, not by the image; use firmware: hybrid (the default), which boots with either, or bios");
        }

        if (spec.Platform.SecureBoot)
        {
            yield return new ManifestError(core.SecureBoot, "OCI's Shielded Instances (Secure Boot) run Oracle's platform images, not imported ones; leave out secure_boot");
        }

        if (spec.Layout is { } layout && layout.TotalSize.Bytes > MaximumImage.Bytes)
        {
            yield return new ManifestError(core.Partitions, $"OCI imports images of at most 400 GiB, but the partitions add up to {layout.TotalSize}; make them smaller (the root grows to the boot volume at boot)");
        }

        if (spec.HasPlugin("cloud_init") && spec.SettingsOf<CloudInitSettings>() is { MetadataSources: { Count: > 0 } sources } cloudInit && !sources.SequenceEqual(["Oracle"]))
        {
            yield return cloudInit.Where.ErrorAt("metadata_sources", $"metadata_sources: {string.Join(", ", sources)} read Oracle Compute Cloud Classic's EC2-style metadata; OCI's instance metadata is read by cloud-init's Oracle data source, which the provider sets, so remove metadata_sources (or write Oracle)");
        }
    }
}
