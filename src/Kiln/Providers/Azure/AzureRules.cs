using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Specs;

namespace Kiln.Providers.Azure;

/// <summary>
/// What an azure manifest must be today, and what of bootstrap-vz's azure keys no longer means anything: each refusal
/// names what changed and what to write instead.
/// </summary>
public static class AzureRules
{
    public static IEnumerable<ManifestError> Check(BuildSpec spec, AzureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var where = settings.Where;
        var core = settings.Core;
        if (settings.WaagentVersion is not null)
        {
            yield return where.ErrorAt("waagent.version", "waagent.version chose the WALinuxAgent release bootstrap-vz downloaded and installed with waagent -install; Debian packages the agent (waagent) and Kiln installs it with cloud-init, so remove waagent.version (waagent.conf still replaces its configuration)");
        }

        if (settings.WaagentConf is { } conf && !File.Exists(conf))
        {
            yield return where.ErrorAt("waagent.conf", $"waagent.conf names {conf}, which is no file on this host; give the path of a waagent.conf or remove the key");
        }

        if (spec.Architecture == Architectures.I386)
        {
            yield return new ManifestError(core.Architecture, "Azure runs amd64 and arm64 images (Debian makes no i386 Azure images); use one of those");
        }

        var firmware = spec.Platform.Firmware;
        var generation = AzureGeneration.Of(settings, firmware);
        if (generation == 1 && !spec.Architecture.HasBios)
        {
            yield return where.ErrorAt("generation", $"Azure's {spec.Architecture.Debian} machines are generation 2 (UEFI) only; use generation: 2");
        }
        else if (generation == 1 && firmware == Firmware.Uefi)
        {
            yield return where.ErrorAt("generation", "generation 1 machines start from a BIOS, but system.firmware is uefi; use generation: 2, or firmware bios or hybrid");
        }
        else if (generation == 2 && firmware == Firmware.Bios)
        {
            yield return where.ErrorAt("generation", "generation 2 machines start from UEFI, but the image boots from a BIOS (system.firmware: bios); use generation: 1, or firmware uefi or hybrid");
        }

        if (settings.ResourceGroup is not null && spec.Architecture == Architectures.Arm64)
        {
            yield return where.ErrorAt("resource_group", "Azure makes arm64 images only in a compute gallery, which Kiln does not create; remove resource_group to upload the VHD only");
        }

        if (settings.ResourceGroup is not null && settings.Location is null)
        {
            yield return where.ErrorAt("resource_group", "the image is created in provider.location, which is not set; add location (the storage account's region, e.g. westeurope)");
        }

        if (settings.Location is not null && settings.ResourceGroup is null)
        {
            yield return where.ErrorAt("location", "location is the region of the image Kiln creates in provider.resource_group, which is not set; add resource_group or remove location");
        }

        var size = spec.RequireLayout().TotalSize;
        if (size.Bytes % (1L << 20) != 0)
        {
            yield return new ManifestError(core.Partitions, $"Azure takes VHDs whose disk is a whole number of MiB, but the partitions add up to {size}; make their sizes whole MiB");
        }
    }
}
