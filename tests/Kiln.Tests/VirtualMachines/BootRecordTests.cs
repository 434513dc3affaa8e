using Kiln.Platforms;
using Kiln.VirtualMachines;
using Shouldly;
using Xunit;

namespace Kiln.Tests.VirtualMachines;

public sealed class BootRecordTests
{
    [Fact]
    public void A_record_reads_back_what_was_written()
    {
        var record = new BootRecord("arm64", Firmware.Uefi, SecureBoot: true, "nvme", "virtio-net", "ttyAMA0");

        BootRecord.Parse(record.ToJson(), "x.boot.json").ShouldBe(record);
        record.ToJson().ShouldContain("\"firmware\": \"uefi\"");
    }

    [Theory]
    [InlineData("/o/debian.qcow2", "/o/debian.boot.json")]
    [InlineData("/o/debian-13.raw", "/o/debian-13.boot.json")]
    [InlineData("/o/disk.tar.gz", "/o/disk.boot.json")]
    public void The_record_is_beside_the_image_under_its_name(string image, string record)
    {
        BootRecord.PathFor(image).ShouldBe(record);
    }

    [Fact]
    public void A_record_that_is_not_json_is_a_clear_error()
    {
        Should.Throw<UserInputException>(() => BootRecord.Parse("{", "/o/x.boot.json")).Message.ShouldStartWith("/o/x.boot.json: not a boot record Kiln can read");
    }

    [Theory]
    [InlineData(Firmware.Bios, false, null, BootFirmware.Bios)]
    [InlineData(Firmware.Hybrid, false, null, BootFirmware.Uefi)]
    [InlineData(Firmware.Hybrid, false, BootFirmware.Bios, BootFirmware.Bios)]
    [InlineData(Firmware.Uefi, true, null, BootFirmware.SecureBoot)]
    [InlineData(Firmware.Uefi, false, BootFirmware.SecureBoot, BootFirmware.SecureBoot)]
    public void The_machine_boots_the_recorded_firmware_unless_told_otherwise(Firmware firmware, bool secureBoot, BootFirmware? overriding, BootFirmware expected)
    {
        var record = BootRecord.Default with { Firmware = firmware, SecureBoot = secureBoot };

        MachineDefinition.From(record, overriding).Firmware.ShouldBe(expected);
    }

    [Fact]
    public void An_arm64_machine_cannot_boot_a_bios()
    {
        var machine = MachineDefinition.From(BootRecord.Default with { Architecture = "arm64", Firmware = Firmware.Uefi }, BootFirmware.Bios);

        machine.Problem().ShouldBe("arm64 machines have no BIOS; boot with --firmware uefi");
    }

    [Fact]
    public void The_build_writes_what_the_spec_says_the_machine_is()
    {
        var spec = TestManifests.Read(TestManifests.Minimal.Replace("  release: bookworm", "  release: bookworm\n  firmware: hybrid", StringComparison.Ordinal));

        Kiln.Common.Volume.WriteBootRecord.For(spec).ShouldBe(new BootRecord("amd64", Firmware.Hybrid, false, "virtio-blk", "virtio-net", "ttyS0"));
        spec.Outputs.BootRecord!.Path.ShouldBe("/nonexistent/output/test-bookworm.boot.json");
    }
}
