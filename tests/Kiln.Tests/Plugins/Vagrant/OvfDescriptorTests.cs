using System.Xml.Linq;
using Kiln.Plugins.Vagrant;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Vagrant;

/// <summary>
/// The box's OVF descriptor, parsed and checked against what VirtualBox's OVF reader takes from it: an OVF 1.0
/// envelope whose References, DiskSection and VirtualHardwareSection agree (the disk item points at the disk,
/// the disk at the file, the disk sits on the SATA controller), and the OS type VirtualBox picks defaults by.
/// </summary>
public sealed class OvfDescriptorTests
{
    private static readonly XNamespace Ovf = OvfDescriptor.Ovf;
    private static readonly XNamespace Rasd = OvfDescriptor.Rasd;

    public static XDocument Parse(string ovf) => XDocument.Parse(ovf);

    [Fact]
    public void The_descriptor_is_an_ovf_1_0_envelope_whose_disk_file_and_hardware_agree()
    {
        var ovf = Parse(OvfDescriptor.Write(new OvfMachine("kiln-box", "box-disk1.vmdk", 2L << 30, Is64Bit: true)));

        OvfBoxChecks.Problems(ovf, "box-disk1.vmdk", 2L << 30).ShouldBeEmpty();
    }

    [Fact]
    public void A_64_bit_debian_is_os_96_debian_64_and_a_32_bit_one_is_os_95_debian()
    {
        var amd64 = Parse(OvfDescriptor.Write(new OvfMachine("a", "d.vmdk", 1L << 30, Is64Bit: true)));
        var i386 = Parse(OvfDescriptor.Write(new OvfMachine("a", "d.vmdk", 1L << 30, Is64Bit: false)));

        OsOf(amd64).ShouldBe(("96", "Debian_64"));
        OsOf(i386).ShouldBe(("95", "Debian"));
    }

    [Fact]
    public void The_hardware_items_keep_cims_alphabetical_element_order()
    {
        var ovf = Parse(OvfDescriptor.Write(new OvfMachine("a", "d.vmdk", 1L << 30, Is64Bit: true)));

        foreach (var item in ovf.Descendants(Ovf + "Item"))
        {
            var names = item.Elements().Select(e => e.Name.LocalName).ToList();
            names.ShouldBe(names.Order(StringComparer.Ordinal).ToList());
            item.Elements().ShouldAllBe(e => e.Name.Namespace == Rasd);
        }
    }

    [Fact]
    public void A_descriptor_that_points_its_disk_elsewhere_is_reported()
    {
        var ovf = Parse(OvfDescriptor.Write(new OvfMachine("a", "d.vmdk", 1L << 30, Is64Bit: true)));
        ovf.Descendants(Ovf + "File").Single().SetAttributeValue(Ovf + "href", "other.vmdk");
        ovf.Descendants(Rasd + "HostResource").Single().Value = "/disk/vmdisk2";

        var problems = OvfBoxChecks.Problems(ovf, "d.vmdk", 1L << 30);

        problems.ShouldContain(p => p.Contains("other.vmdk", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("/disk/vmdisk2", StringComparison.Ordinal));
    }

    private static (string Id, string Type) OsOf(XDocument ovf)
    {
        var os = ovf.Descendants(Ovf + "OperatingSystemSection").Single();
        return ((string)os.Attribute(Ovf + "id")!, os.Element(OvfDescriptor.Vbox + "OSType")!.Value);
    }
}
