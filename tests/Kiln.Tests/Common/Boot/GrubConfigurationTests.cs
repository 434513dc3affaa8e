using Kiln.Common.Boot;
using Kiln.Tests.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Boot;

public sealed class GrubConfigurationTests
{
    private static readonly string[] KernelParameters = ["console=ttyS0,115200n8", "console=tty0"];

    [Fact]
    public void The_menu_on_gpt_finds_the_boot_partition_by_uuid_and_boots_root_by_uuid()
    {
        Golden.Verify(GrubConfiguration.Menu(TestLayouts.GptForGrub(), TestKernels.OnBootPartition, KernelParameters));
    }

    [Fact]
    public void The_menu_on_msdos_with_boot_on_root_loads_the_kernel_from_boot()
    {
        Golden.Verify(GrubConfiguration.Menu(TestLayouts.MsdosRootOnly(), TestKernels.OnRoot, ["console=ttyS0,115200n8"]));
    }

    [Fact]
    public void The_defaults_put_grub_and_the_kernel_on_the_serial_console()
    {
        Golden.Verify(GrubConfiguration.Defaults(KernelParameters));
    }

    [Fact]
    public void The_embedded_config_finds_grub_at_the_top_of_the_boot_partition()
    {
        Golden.Verify(GrubConfiguration.Embedded(TestLayouts.GptForGrub()));
    }

    [Fact]
    public void The_embedded_config_finds_grub_in_boot_grub_of_root()
    {
        Golden.Verify(GrubConfiguration.Embedded(TestLayouts.MsdosRootOnly()));
    }

    [Fact]
    public void Core_img_gets_the_modules_to_find_and_read_boot()
    {
        GrubConfiguration.CoreModules(TestLayouts.GptForGrub()).ShouldBe(["biosdisk", "part_gpt", "ext2", "search_fs_uuid"]);
        GrubConfiguration.CoreModules(TestLayouts.MsdosRootOnly()).ShouldBe(["biosdisk", "part_msdos", "ext2", "search_fs_uuid"]);
    }

    [Fact]
    public void With_root_on_lvm_the_menu_finds_boot_by_uuid_and_boots_the_root_volumes_filesystem_by_uuid()
    {
        var layout = TestLayouts.GptWithRootOnLvm();

        var menu = GrubConfiguration.Menu(layout, TestKernels.OnBootPartition, KernelParameters);

        Golden.Verify(menu);
        menu.ShouldContain($"root=UUID={layout.Root.Uuid} ro");
        menu.ShouldContain($"search --no-floppy --fs-uuid --set=root {layout.Boot.Uuid}\n");
    }

    [Fact]
    public void With_boot_on_a_partition_grub_needs_nothing_of_lvm()
    {
        var layout = TestLayouts.GptWithRootOnLvm();

        GrubConfiguration.CoreModules(layout).ShouldBe(["biosdisk", "part_gpt", "ext2", "search_fs_uuid"]);
        GrubConfiguration.Embedded(layout).ShouldBe($"search.fs_uuid {layout.Boot.Uuid} root\nset prefix=($root)/grub\n");
    }
}
