using Kiln.Extensions;
using Kiln.Manifests;

namespace Kiln.Platforms;

/// <summary>
/// Chooses the platform of a build: the manifest's architecture, its firmware (or the provider's default, so a
/// bootstrap-vz manifest builds what it built before) and bootloader, and reports combinations that cannot boot.
/// </summary>
public static class PlatformResolver
{
    public static Platform Choose(Manifest manifest, ArchitectureProfile architecture, ProviderProfile profile, ManifestDocument document, ICollection<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(errors);
        var system = manifest.System;
        var firmware = system.Firmware ?? profile.DefaultFirmware;
        var chain = BootChains.For(system.Bootloader);
        if (system.SecureBoot && firmware == Firmware.Bios)
        {
            errors.Add(new ManifestError(document.LocationOf("system", "secure_boot"), "Secure Boot is a UEFI feature; set system.firmware to uefi or hybrid, or leave out secure_boot"));
        }

        var release = ReleaseCatalog.Find(system.Release) ?? ReleaseCatalog.Sid;
        foreach (var problem in chain.Problems(architecture, firmware, system.SecureBoot, release))
        {
            errors.Add(new ManifestError(LocationOf(document, problem.Key, system.Firmware is not null), problem.Message));
        }

        if (firmware != Firmware.Bios && chain.Bootloader != Bootloader.None && manifest.Volume.PartitionMap == Disks.PartitionMapKind.None)
        {
            errors.Add(new ManifestError(document.LocationOf("volume", "partitions", "type"),
                $"{firmware.ToString().ToLowerInvariant()} firmware loads the bootloader from an EFI system partition, which an unpartitioned disk cannot hold; use type gpt"));
        }

        return new Platform(architecture, firmware, system.SecureBoot, chain);
    }

    /// <summary>Where the key of a problem is written; a firmware the provider chose is changed where the bootloader is named.</summary>
    private static SourceLocation LocationOf(ManifestDocument document, string key, bool firmwareWritten)
    {
        var written = key == "firmware" && !firmwareWritten ? "bootloader" : key;
        return document.Root.SelectToken($"system.{written}") is { } token ? document.LocationOf(token) : document.LocationOf("system", "bootloader");
    }
}
