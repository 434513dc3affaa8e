using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;

namespace Kiln.Providers.Ec2;

/// <summary>
/// What an ec2 manifest must be today, and what of bootstrap-vz's ec2 keys no longer means anything: each refusal
/// names what changed and what to write instead.
/// </summary>
public static class Ec2Rules
{
    private static readonly string[] BundleKeys = ["certificate", "private-key", "user-id"];

    private static string EspHint(BuildSpec spec) =>
        spec.Platform.Firmware == Firmware.Bios ? string.Empty : " (the ESP's 128 MiB share counts: a 1920MiB root makes 2 GiB)";

    public static IEnumerable<ManifestError> Check(BuildSpec spec, Ec2Settings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var where = settings.Where;
        var core = settings.Core;
        if (settings.Virtualization == "pvm")
        {
            yield return where.ErrorAt("virtualization", "paravirtual instances (virtualization: pvm, booted by PV-GRUB from an AKI) are retired on EC2 and new AMIs cannot use them; use virtualization: hvm");
        }

        if (spec.Manifest.System.Bootloader == Bootloader.Pvgrub)
        {
            yield return new ManifestError(core.Bootloader, "PV-GRUB booted paravirtual instances, which EC2 no longer runs; use bootloader: grub (HVM, BIOS and UEFI)");
        }

        if (spec.Manifest.Volume.Backing == "s3")
        {
            yield return new ManifestError(core.Backing, "backing: s3 made an instance-store AMI from euca2ools bundles, which EC2 no longer registers; use backing: ebs (or vmdk, raw): Kiln uploads the disk to provider.bucket and imports it as an EBS snapshot");
        }

        foreach (var key in BundleKeys.Where(settings.Credentials.ContainsKey))
        {
            yield return where.ErrorAt($"credentials.{key}", $"credentials.{key} signed euca2ools bundles for instance-store AMIs (backing: s3), which EC2 no longer registers; remove it (access-key and secret-key are enough)");
        }

        if (settings.Credentials.ContainsKey("access-key") != settings.Credentials.ContainsKey("secret-key"))
        {
            yield return where.ErrorAt("credentials", "credentials need both access-key and secret-key");
        }

        if (settings.AmznDriverVersion is not null)
        {
            yield return where.ErrorAt("amzn-driver-version", "amzn-driver-version chose the ENA driver bootstrap-vz built with DKMS; Debian's cloud kernel carries ENA itself, so remove it");
        }

        if (settings.InstallInitScripts is not null)
        {
            yield return where.ErrorAt("install_init_scripts", "install_init_scripts chose bootstrap-vz's ec2-get-credentials and ec2-run-user-data scripts; cloud-init does their work in every Kiln ec2 image (the admin user gets the instance's key, user data runs), so remove it");
        }

        if (settings.KmsKeyId is not null && !settings.Encrypted)
        {
            yield return where.ErrorAt("kms_key_id", "kms_key_id encrypts the snapshot only with encrypted: true; add it or remove kms_key_id");
        }

        if (spec.Architecture == Architectures.I386)
        {
            yield return new ManifestError(core.Architecture, "Kiln builds ec2 images for amd64 and arm64 (Debian makes no i386 AMIs); use one of those");
        }

        if (spec.Platform.SecureBoot)
        {
            yield return new ManifestError(core.SecureBoot, "EC2 turns on Secure Boot only with UEFI variables registered with the AMI (uefi-data), which Kiln does not make; leave out secure_boot");
        }

        var size = spec.RequireLayout().TotalSize;
        if (size.Bytes % (1L << 30) != 0)
        {
            yield return new ManifestError(core.Partitions, $"EBS volumes are whole GiB, but the partitions add up to {size}; make their sizes add up to a whole number of GiB{EspHint(spec)}");
        }
    }
}
