using Kiln.Common.Boot;
using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Tests.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Boot;

public sealed class ExtlinuxConfigurationTests
{
    [Fact]
    public void The_config_with_boot_on_root_names_the_kernel_below_boot()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Msdos, Bootloader.Extlinux, null, TestLayouts.Partition("root", "2GiB"));

        Golden.Verify(ExtlinuxConfiguration.Render(layout, TestKernels.OnRoot, ["console=ttyS0,115200n8"]));
    }

    [Fact]
    public void The_config_with_a_boot_partition_names_the_kernel_at_its_top()
    {
        var layout = TestLayouts.Calculate(PartitionMapKind.Gpt, Bootloader.Extlinux, null, TestLayouts.Partition("boot", "256MiB", FilesystemKind.Ext2), TestLayouts.Partition("root", "2GiB"));

        Golden.Verify(ExtlinuxConfiguration.Render(layout, TestKernels.OnBootPartition, ["console=ttyS0,115200n8", "console=tty0"]));
    }

    [Fact]
    public void Extlinux_lives_in_boot_extlinux_on_the_filesystem_that_holds_boot()
    {
        ExtlinuxConfiguration.DirectoryOnBootFilesystem(TestLayouts.MsdosRootOnly()).ShouldBe("/boot/extlinux");
        ExtlinuxConfiguration.DirectoryOnBootFilesystem(TestLayouts.GptForGrub()).ShouldBe("/extlinux");
    }
}
