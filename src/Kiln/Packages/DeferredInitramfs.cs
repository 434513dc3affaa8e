namespace Kiln.Packages;

/// <summary>
/// mmdebstrap hooks that build the initramfs once, after every package is installed, instead of once per
/// kernel and again for each trigger (twice in a usual image): update-initramfs is diverted to a no-op while
/// packages are installed, then put back and run for every kernel. Natively this saves seconds; under
/// qemu-user (arm64 on amd64) it saves minutes.
/// </summary>
public static class DeferredInitramfs
{
    public const string Program = "/usr/sbin/update-initramfs";

    /// <summary>Before the packages beyond the essential set: divert the real program aside and put a no-op in its place.</summary>
    public static string EssentialHook =>
        $"chroot \"$1\" dpkg-divert --quiet --local --rename --divert {Program}.kiln --add {Program} && " +
        $"printf '#!/bin/sh\\n# Kiln: the initramfs is built once, when every package is installed.\\nexit 0\\n' > \"$1\"{Program} && chmod 755 \"$1\"{Program}";

    /// <summary>After everything is installed: remove the no-op, restore the real program, and build each kernel's initramfs.</summary>
    public static string CustomizeHook =>
        $"rm -f \"$1\"{Program} && chroot \"$1\" dpkg-divert --quiet --local --rename --remove {Program} && " +
        $"if [ -x \"$1\"{Program} ] && ls \"$1\"/boot/vmlinuz-* >/dev/null 2>&1; then chroot \"$1\" update-initramfs -c -k all; fi";
}
