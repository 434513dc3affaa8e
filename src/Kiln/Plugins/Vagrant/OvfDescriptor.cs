using System.Globalization;
using System.Xml.Linq;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// The OVF 1.0 descriptor (<c>box.ovf</c>) of a VirtualBox box, in the shape VirtualBox's own export writes: one
/// stream-optimized VMDK on a SATA (AHCI) controller, one NAT network card (Intel PRO/1000), a CPU count and
/// memory. Vagrant hands it to <c>VBoxManage import</c>. There is no <c>vbox:Machine</c> section: VirtualBox
/// fills in its defaults for the OS type.
/// </summary>
public static class OvfDescriptor
{
    public static readonly XNamespace Ovf = "http://schemas.dmtf.org/ovf/envelope/1";
    public static readonly XNamespace Rasd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData";
    public static readonly XNamespace Vssd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData";
    public static readonly XNamespace Vbox = "http://www.virtualbox.org/ovf/machine";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The format URI of a stream-optimized VMDK, the one VirtualBox's export names.</summary>
    public const string StreamOptimizedVmdk = "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized";

    /// <summary>CIM resource types (CIM_ResourceAllocationSettingData.ResourceType).</summary>
    public const int Processor = 3;
    public const int Memory = 4;
    public const int EthernetAdapter = 10;
    public const int DiskDrive = 17;
    public const int SataController = 20;

    public static string Write(OvfMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ovf + "Envelope",
                new XAttribute(Ovf + "version", "1.0"),
                new XAttribute(XNamespace.Xml + "lang", "en-US"),
                new XAttribute("xmlns", Ovf.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "ovf", Ovf.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "rasd", Rasd.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "vssd", Vssd.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "vbox", Vbox.NamespaceName),
                new XElement(Ovf + "References",
                    new XElement(Ovf + "File", new XAttribute(Ovf + "id", "file1"), new XAttribute(Ovf + "href", machine.DiskFile))),
                new XElement(Ovf + "DiskSection",
                    new XElement(Ovf + "Info", "List of the virtual disks used in the package"),
                    new XElement(Ovf + "Disk",
                        new XAttribute(Ovf + "capacity", machine.CapacityBytes.ToString(CultureInfo.InvariantCulture)),
                        new XAttribute(Ovf + "diskId", "vmdisk1"),
                        new XAttribute(Ovf + "fileRef", "file1"),
                        new XAttribute(Ovf + "format", StreamOptimizedVmdk))),
                new XElement(Ovf + "NetworkSection",
                    new XElement(Ovf + "Info", "Logical networks used in the package"),
                    new XElement(Ovf + "Network", new XAttribute(Ovf + "name", "NAT"),
                        new XElement(Ovf + "Description", "Logical network used by this appliance."))),
                new XElement(Ovf + "VirtualSystem", new XAttribute(Ovf + "id", machine.Name),
                    new XElement(Ovf + "Info", "A virtual machine"),
                    new XElement(Ovf + "OperatingSystemSection", new XAttribute(Ovf + "id", machine.CimOsId.ToString(CultureInfo.InvariantCulture)),
                        new XElement(Ovf + "Info", "The kind of installed guest operating system"),
                        new XElement(Ovf + "Description", machine.OsType),
                        new XElement(Vbox + "OSType", new XAttribute(Ovf + "required", "false"), machine.OsType)),
                    new XElement(Ovf + "VirtualHardwareSection",
                        new XElement(Ovf + "Info", "Virtual hardware requirements for a virtual machine"),
                        new XElement(Ovf + "System",
                            new XElement(Vssd + "ElementName", "Virtual Hardware Family"),
                            new XElement(Vssd + "InstanceID", "0"),
                            new XElement(Vssd + "VirtualSystemIdentifier", machine.Name),
                            new XElement(Vssd + "VirtualSystemType", "virtualbox-2.2")),
                        Item(1, Processor, $"{machine.Cpus} virtual CPU", "Number of virtual CPUs", ("VirtualQuantity", machine.Cpus.ToString(CultureInfo.InvariantCulture))),
                        Item(2, Memory, $"{machine.MemoryMiB} MB of memory", "Memory Size", ("AllocationUnits", "MegaBytes"), ("VirtualQuantity", machine.MemoryMiB.ToString(CultureInfo.InvariantCulture))),
                        Item(3, SataController, "sataController0", "SATA Controller", ("Address", "0"), ("ResourceSubType", "AHCI")),
                        Item(4, DiskDrive, "disk1", "Disk Image", ("AddressOnParent", "0"), ("HostResource", "/disk/vmdisk1"), ("Parent", "3")),
                        Item(5, EthernetAdapter, "Ethernet adapter on 'NAT'", "Network adapter", ("AutomaticAllocation", "true"), ("Connection", "NAT"), ("ResourceSubType", "E1000"))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString() + "\n";
    }

    /// <summary>A hardware item; CIM's schema wants the rasd elements in alphabetical order, as VirtualBox writes them.</summary>
    private static XElement Item(int instance, int resourceType, string caption, string description, params (string Name, string Value)[] values)
    {
        var elements = new List<(string Name, string Value)>(values)
        {
            ("Caption", caption),
            ("Description", description),
            ("ElementName", caption),
            ("InstanceID", instance.ToString(CultureInfo.InvariantCulture)),
            ("ResourceType", resourceType.ToString(CultureInfo.InvariantCulture)),
        };
        return new XElement(Ovf + "Item", elements.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new XElement(Rasd + e.Name, e.Value)));
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
