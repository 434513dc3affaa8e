using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Plugins.MinimizeSize;
using Kiln.Providers.Cloud;
using Kiln.Specs;

namespace Kiln.Providers.Gce;

/// <summary>What a gce manifest must be today: GCE's rules for the disk, the image's name, family and labels, and the guest OS features.</summary>
public static class GceRules
{
    public static IEnumerable<ManifestError> Check(BuildSpec spec, GceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var where = settings.Where;
        var core = settings.Core;
        if (spec.Architecture != Architectures.Amd64)
        {
            yield return new ManifestError(core.Architecture, $"Kiln builds gce images for amd64, as Debian does (its GCE images are amd64 only); {spec.Architecture.Debian} is not one");
        }

        if (!GceNames.IsResourceName(spec.Manifest.Name))
        {
            yield return new ManifestError(settings.NameLocation, $"`{spec.Manifest.Name}` cannot name a GCE image: images are named with 1 to 63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen (bootstrap-vz lower-cased the name and turned dots into hyphens; write it so)");
        }

        if (settings.Family is { } family && CloudTemplates.Render(spec, family) is var renderedFamily && !GceNames.IsResourceName(renderedFamily))
        {
            yield return where.ErrorAt("family", $"`{renderedFamily}` cannot name an image family: 1 to 63 lower-case letters, digits and hyphens, starting with a letter");
        }

        foreach (var (key, value) in CloudTemplates.RenderTags(spec).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!GceNames.IsLabelKey(key) || !GceNames.IsLabelValue(value))
            {
                yield return new ManifestError(settings.TagsLocation, $"the tag {key}: `{value}` cannot be a GCE label: keys are 1 to 63 lower-case letters, digits, _ and -, starting with a letter, and values up to 63 of them; write it in lower case");
            }
        }

        if (spec.Platform.Firmware == Firmware.Bios)
        {
            foreach (var feature in settings.GuestOsFeatures.Where(GuestOsFeatures.NeedUefi.Contains))
            {
                yield return where.ErrorAt("guest_os_features", $"{feature} needs an image that boots from UEFI (confidential VMs have no BIOS); use firmware hybrid or uefi, or remove {feature}");
            }
        }

        if (spec.HasPlugin("minimize_size") && spec.SettingsOf<MinimizeSizeSettings>("minimize_size") is { Shrink: not ShrinkMode.None } minimize)
        {
            yield return minimize.Where.ErrorAt("shrink", "minimize_size's shrink rewrites the image with qemu-img, but a gce image is disk.raw in a sparse tar.gz, which is as small as it gets; remove shrink");
        }

        var size = spec.RequireLayout().TotalSize;
        if (size.Bytes % (1L << 30) != 0)
        {
            var esp = spec.Platform.Firmware == Firmware.Bios ? string.Empty : " (the ESP's 128 MiB share counts: a 1920MiB root makes 2 GiB)";
            yield return new ManifestError(core.Partitions, $"GCE imports disks of whole GiB, but the partitions add up to {size}; make their sizes add up to a whole number of GiB{esp}");
        }
    }
}
