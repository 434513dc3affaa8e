using Kiln.Manifests;

namespace Kiln.Platforms;

/// <summary>The boot chains Kiln knows, by the bootloader a manifest names.</summary>
public static class BootChains
{
    public static readonly BootChain Grub = new GrubBootChain();
    public static readonly BootChain Extlinux = new ExtlinuxBootChain();
    public static readonly BootChain SystemdBoot = new SystemdBootChain();
    public static readonly BootChain None = new NoBootChain();

    public static BootChain For(Bootloader bootloader) => bootloader switch
    {
        Bootloader.Grub => Grub,
        Bootloader.Extlinux => Extlinux,
        Bootloader.SystemdBoot => SystemdBoot,
        _ => None,
    };
}
