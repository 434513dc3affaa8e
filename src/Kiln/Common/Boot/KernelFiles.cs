using System.Text.RegularExpressions;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>The newest kernel in the image's /boot and the paths a bootloader on the boot filesystem uses for it.</summary>
public sealed partial record KernelFiles(string Version, string Kernel, string InitRd)
{
    public static KernelFiles Find(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var boot = context.Paths.InRoot("/boot");
        var versions = Directory.Exists(boot)
            ? Directory.GetFiles(boot, "vmlinuz-*").Select(path => Path.GetFileName(path)["vmlinuz-".Length..]).ToList()
            : [];
        if (versions.Count == 0)
        {
            throw new KilnException("the image has no kernel in /boot; the provider's kernel package did not install one");
        }

        var version = versions.OrderBy(VersionKey, StringComparer.Ordinal).Last();

        // Paths as the bootloader sees them: relative to the filesystem that holds /boot.
        var prefix = context.RequireLayout().Boot.Spec!.Key == "boot" ? string.Empty : "/boot";
        return new KernelFiles(version, $"{prefix}/vmlinuz-{version}", $"{prefix}/initrd.img-{version}");
    }

    /// <summary>Pads the numbers in a version so that 6.12 sorts after 6.9.</summary>
    private static string VersionKey(string version) => Numbers().Replace(version, match => match.Value.PadLeft(8, '0'));

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
