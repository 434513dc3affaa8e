using Kiln.Disks;

namespace Kiln.Common.Boot;

/// <summary>The extlinux.conf Kiln writes: one entry for the installed kernel, on the serial console.</summary>
public static class ExtlinuxConfiguration
{
    /// <summary>The directory extlinux lives in, on the filesystem that holds /boot.</summary>
    public static string DirectoryOnBootFilesystem(DiskLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Boot.Spec!.Key == "boot" ? "/extlinux" : "/boot/extlinux";
    }

    public static string Render(DiskLayout layout, KernelFiles kernel, IEnumerable<string> kernelParameters)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        var parameters = string.Join(' ', new[] { $"root=UUID={layout.Root.Uuid}", "ro" }.Concat(kernelParameters));
        var directory = kernel.Kernel[..kernel.Kernel.LastIndexOf('/')];
        return $"""
            # Written by Kiln.
            SERIAL 0 115200
            DEFAULT debian
            PROMPT 0
            TIMEOUT 10

            LABEL debian
              MENU LABEL Debian GNU/Linux (the newest kernel; {kernel.Version} when built)
              LINUX {directory}/{KernelLinks.Kernel}
              APPEND {parameters}
              INITRD {directory}/{KernelLinks.InitRd}

            """;
    }
}
