using Kiln.Common.Boot;

namespace Kiln.Tests.Common.Boot;

/// <summary>Kernel files as a bootloader on the boot filesystem sees them.</summary>
public static class TestKernels
{
    /// <summary>/boot is its own filesystem: the kernel is at its top.</summary>
    public static readonly KernelFiles OnBootPartition = new("6.1.0-18-cloud-amd64", "/vmlinuz-6.1.0-18-cloud-amd64", "/initrd.img-6.1.0-18-cloud-amd64");

    /// <summary>/boot is a directory of root.</summary>
    public static readonly KernelFiles OnRoot = new("6.1.0-18-cloud-amd64", "/boot/vmlinuz-6.1.0-18-cloud-amd64", "/boot/initrd.img-6.1.0-18-cloud-amd64");
}
