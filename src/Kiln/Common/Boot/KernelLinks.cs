namespace Kiln.Common.Boot;

/// <summary>The links Debian's kernel packages maintain to the newest kernel and initramfs, kept in /boot.</summary>
public static class KernelLinks
{
    public const string ConfigurationFile = "/etc/kernel-img.conf";

    /// <summary>linux-base's settings: make the links, and make them in /boot (so they work on a separate boot partition too).</summary>
    public const string Configuration = "# Written by Kiln: the bootloader names /boot/vmlinuz and /boot/initrd.img.\ndo_symlinks = yes\nlink_in_boot = yes\n";

    public const string Kernel = "vmlinuz";

    public const string InitRd = "initrd.img";
}
