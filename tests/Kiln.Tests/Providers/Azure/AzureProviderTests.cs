using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Providers.Azure;
using Kiln.Providers.Azure.Publishing;
using Kiln.Publishing;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Azure;

/// <summary>What an azure manifest resolves to: the generation and firmware, the VHD, the packages, the kernel command line, the publication record.</summary>
public sealed class AzureProviderTests
{
    [Fact]
    public void An_image_is_generation_2_from_uefi_on_a_scsi_disk_written_as_a_fixed_vhd_by_default()
    {
        var spec = TestManifests.Read(AzureManifests.Minimal);

        spec.Platform.Firmware.ShouldBe(Firmware.Uefi);
        spec.ProviderProfile.Hardware.DiskBus.ShouldBe("virtio-scsi");
        var image = spec.Outputs.RequireDiskImage();
        image.Path.ShouldEndWith("/azure-trixie.vhd");
        image.Format.IsFixedVhd.ShouldBeTrue();
        spec.RequireLayout().TotalSize.Bytes.ShouldBe(2L << 30);
        var target = AzureTarget.From(((ICloudProvider)spec.Provider).DescribePublication(spec).Target);
        target.Generation.ShouldBe(2);
        target.CreatesImage.ShouldBeFalse();
    }

    [Fact]
    public void Generation_1_boots_from_a_bios_and_a_hybrid_disk_is_registered_as_the_generation_asked_for()
    {
        TestManifests.Read(AzureManifests.WithProvider("  generation: 1")).Platform.Firmware.ShouldBe(Firmware.Bios);
        var hybrid = TestManifests.Read(AzureManifests.WithProvider("  generation: 1").Replace("  release: trixie", "  release: trixie\n  firmware: hybrid", StringComparison.Ordinal));
        hybrid.Platform.Firmware.ShouldBe(Firmware.Hybrid);
        AzureTarget.From(((ICloudProvider)hybrid.Provider).DescribePublication(hybrid).Target).Generation.ShouldBe(1);
    }

    [Fact]
    public void The_image_gets_the_cloud_kernel_cloud_init_waagent_the_hyperv_daemons_and_chrony()
    {
        AddAzurePackages.For(new AzureSettings(), Architectures.Amd64, ReleaseCatalog.Trixie, chrony: true).ShouldBe(
        [
            "linux-image-cloud-amd64", "systemd-sysv", "udev", "initramfs-tools", "cloud-init", "cloud-guest-utils", "cloud-initramfs-growroot", "sudo",
            "waagent", "hyperv-daemons", "azure-vm-utils", "python3-passlib", "chrony",
        ]);
        AddAzurePackages.For(new AzureSettings { Kernel = "linux-image-amd64" }, Architectures.Amd64, ReleaseCatalog.Bookworm, chrony: false)
            .ShouldBe(["linux-image-amd64", "systemd-sysv", "udev", "initramfs-tools", "cloud-init", "cloud-guest-utils", "cloud-initramfs-growroot", "sudo", "waagent", "hyperv-daemons"]);
    }

    [Fact]
    public void The_kernel_gets_azures_serial_console_and_nvme_timeouts_and_no_rootdelay()
    {
        ConfigureAzureConsole.Parameters(Architectures.Amd64).ShouldBe(["console=tty0", "console=ttyS0,115200", "earlyprintk=ttyS0,115200", "consoleblank=0", "nvme_core.io_timeout=240", "nvme_core.admin_timeout=240"]);
        ConfigureAzureConsole.Parameters(Architectures.Arm64).ShouldContain("console=ttyAMA0");
        ConfigureAzureConsole.Parameters(Architectures.Arm64).ShouldContain("earlycon=pl011,0xeffec000");
    }

    [Fact]
    public void The_ntp_plugin_replaces_the_hyperv_clock()
    {
        var plan = TestManifests.Read(AzureManifests.Minimal + "\nplugins:\n  ntp:\n    servers: [time.windows.com]\n");

        plan.Provider.ShouldBeOfType<AzureProvider>();
        var tasks = new Kiln.Tasks.TaskSet();
        plan.Provider.ResolveTasks(tasks, plan);
        tasks.Contains<ConfigureAzureTimeSync>().ShouldBeFalse();
        tasks.Contains<ConfigureAzureCloudInit>().ShouldBeTrue();
        tasks.Contains<InstallWaagentConfiguration>().ShouldBeFalse();
    }

    [Fact]
    public void The_publication_record_names_the_container_the_resource_group_and_the_tags()
    {
        var spec = TestManifests.Read(AzureManifests.WithProvider("  blob_prefix: images/\n  resource_group: kiln-images\n  location: westeurope") + "\ntags:\n  Release: '{system.release}'\n");
        var record = ((ICloudProvider)spec.Provider).DescribePublication(spec);

        record.Cloud.ShouldBe("azure");
        record.Format.ShouldBe("vhd");
        record.Image.ShouldBe("azure-trixie.vhd");
        record.Tags.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal) { ["Release"] = "trixie" });
        var target = AzureTarget.From(record.Target);
        target.ShouldBe(new AzureTarget { Container = "vhds", BlobPrefix = "images/", ResourceGroup = "kiln-images", Location = "westeurope", Generation = 2 });
    }
}
