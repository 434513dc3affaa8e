using System.Text;
using Kiln.Disks;

namespace Kiln.Common.Boot;

/// <summary>The GRUB files Kiln writes (pure text): the defaults for update-grub, grub.cfg, and the config embedded in core.img.</summary>
public static class GrubConfiguration
{
    public const string SerialCommand = "serial --speed=115200 --unit=0 --word=8 --parity=no --stop=1";

    /// <summary>/etc/default/grub.d/kiln.cfg: what update-grub in the running system uses.</summary>
    /// <param name="kernelParameters">The kernel's command line beyond root.</param>
    /// <param name="serialPort">GRUB drives the PC serial port itself (x86); elsewhere the firmware's console is the serial console.</param>
    public static string Defaults(IEnumerable<string> kernelParameters, bool serialPort = true)
    {
        var terminal = serialPort ? $"GRUB_TERMINAL=\"serial console\"\nGRUB_SERIAL_COMMAND=\"{SerialCommand}\"\n" : "GRUB_TERMINAL=console\n";
        return $"""
            # Written by Kiln. update-grub reads this after /etc/default/grub.
            GRUB_TIMEOUT=1
            GRUB_CMDLINE_LINUX="{string.Join(' ', kernelParameters)}"
            {terminal}GRUB_DISABLE_OS_PROBER=true
            GRUB_DISABLE_RECOVERY=true

            """;
    }

    /// <summary>/boot/grub/grub.cfg for the installed kernel; update-grub in the running system replaces it.</summary>
    public static string Menu(DiskLayout layout, KernelFiles kernel, IEnumerable<string> kernelParameters, bool serialPort = true)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        var boot = layout.Boot;
        var parameters = string.Join(' ', new[] { $"root=UUID={layout.Root.Uuid}", "ro" }.Concat(kernelParameters));
        var text = new StringBuilder();
        text.Append("# Written by Kiln; update-grub in the running system replaces it.\n");
        text.Append(serialPort ? $"{SerialCommand}\nterminal_input serial console\nterminal_output serial console\n" : "terminal_input console\nterminal_output console\n");
        text.Append("set default=0\nset timeout=1\n");
        text.Append($"insmod {PartitionModule(layout.Map)}\ninsmod {FilesystemModule(boot.Spec!.Filesystem)}\n");
        text.Append($"search --no-floppy --fs-uuid --set=root {boot.Uuid}\n");
        text.Append($"menuentry 'Debian GNU/Linux' {{\n\tlinux {kernel.Kernel} {parameters}\n\tinitrd {kernel.InitRd}\n}}\n");
        return text.ToString();
    }

    /// <summary>The config built into core.img: find the boot filesystem by UUID, whatever the disk is called.</summary>
    public static string Embedded(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var boot = layout.Boot;
        var directory = boot.Spec!.Key == "boot" ? "/grub" : "/boot/grub";
        return $"search.fs_uuid {boot.Uuid} root\nset prefix=($root){directory}\n";
    }

    /// <summary>The config of the ESP's grub.cfg, read by Debian's signed GRUB: find /boot/grub and its menu.</summary>
    public static string EspStub(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Embedded(layout) + "configfile $prefix/grub.cfg\n";
    }

    /// <summary>The modules core.img needs to reach /boot/grub.</summary>
    public static IReadOnlyList<string> CoreModules(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return ["biosdisk", PartitionModule(layout.Map), FilesystemModule(layout.Boot.Spec!.Filesystem), "search_fs_uuid"];
    }

    /// <summary>The modules an EFI GRUB image needs built in to reach /boot/grub (the firmware reads the disk).</summary>
    public static IReadOnlyList<string> EfiModules(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return [PartitionModule(layout.Map), FilesystemModule(layout.Boot.Spec!.Filesystem), "search_fs_uuid"];
    }

    private static string PartitionModule(PartitionMapKind map) => map == PartitionMapKind.Gpt ? "part_gpt" : "part_msdos";

    private static string FilesystemModule(FilesystemKind filesystem) => filesystem switch
    {
        FilesystemKind.Xfs => "xfs",
        FilesystemKind.Btrfs => "btrfs",
        _ => "ext2",
    };
}
