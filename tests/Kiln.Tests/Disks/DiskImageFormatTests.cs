using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class DiskImageFormatTests
{
    [Fact]
    public void The_backings_are_the_ones_bootstrap_vz_knew()
    {
        DiskImageFormat.All.Select(f => f.Backing).ShouldBe(["raw", "qcow2", "vmdk", "vdi", "vhd", "vhdx"]);
    }

    [Fact]
    public void Vhd_is_qemus_fixed_size_vpc_format()
    {
        var vhd = DiskImageFormat.Find("vhd").ShouldNotBeNull();

        vhd.Extension.ShouldBe("vhd");
        vhd.QemuFormat.ShouldBe("vpc");
        vhd.QemuOptions.ShouldBe(["subformat=fixed", "force_size=on"]);
    }

    [Fact]
    public void Qcow2_needs_no_options()
    {
        var qcow2 = DiskImageFormat.Find("qcow2").ShouldNotBeNull();

        qcow2.QemuFormat.ShouldBe("qcow2");
        qcow2.QemuOptions.ShouldBeEmpty();
        qcow2.IsRaw.ShouldBeFalse();
    }

    [Fact]
    public void Only_raw_is_raw()
    {
        DiskImageFormat.All.Where(f => f.IsRaw).Select(f => f.Backing).ShouldBe(["raw"]);
    }

    [Fact]
    public void An_unknown_backing_is_not_found()
    {
        DiskImageFormat.Find("lvm").ShouldBeNull();
    }
}
