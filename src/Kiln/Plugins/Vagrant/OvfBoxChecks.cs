using System.Globalization;
using System.Xml.Linq;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// What VirtualBox's OVF import needs from a box's descriptor, as a list of problems (none when it is fine): an
/// OVF 1.0 envelope; one file, the box's disk; a disk of the image's size in a format VirtualBox imports that
/// names that file; a virtual system of VirtualBox's type whose disk item points at that disk and sits on a
/// storage controller; a network card on a network the descriptor declares; a CPU count and memory.
/// </summary>
public static class OvfBoxChecks
{
    private static readonly XNamespace Ovf = OvfDescriptor.Ovf;
    private static readonly XNamespace Rasd = OvfDescriptor.Rasd;
    private static readonly XNamespace Vssd = OvfDescriptor.Vssd;

    /// <summary>IDE, SCSI (parallel) and SATA controllers, the ones a VirtualBox disk can sit on.</summary>
    private static readonly HashSet<int> StorageControllers = [5, 6, OvfDescriptor.SataController];

    public static IReadOnlyList<string> Problems(XDocument ovf, string diskFile, long capacityBytes)
    {
        ArgumentNullException.ThrowIfNull(ovf);
        var problems = new List<string>();
        var envelope = ovf.Root;
        if (envelope is null || envelope.Name != Ovf + "Envelope")
        {
            return [$"the root element is {envelope?.Name.ToString() ?? "missing"}, not an OVF 1.0 Envelope"];
        }

        if ((string?)envelope.Attribute(Ovf + "version") != "1.0")
        {
            problems.Add("the envelope does not say ovf:version=\"1.0\"");
        }

        var files = envelope.Elements(Ovf + "References").Elements(Ovf + "File").ToList();
        if (files.Count != 1 || (string?)files[0].Attribute(Ovf + "href") != diskFile)
        {
            problems.Add($"References should list one file, {diskFile}; it lists {string.Join(", ", files.Select(f => (string?)f.Attribute(Ovf + "href")))}");
        }

        var fileId = (string?)files.FirstOrDefault()?.Attribute(Ovf + "id");
        var disks = envelope.Elements(Ovf + "DiskSection").Elements(Ovf + "Disk").ToList();
        if (disks.Count != 1)
        {
            problems.Add($"DiskSection should hold one disk; it holds {disks.Count}");
            return problems;
        }

        var disk = disks[0];
        var diskId = (string?)disk.Attribute(Ovf + "diskId");
        if ((string?)disk.Attribute(Ovf + "fileRef") != fileId)
        {
            problems.Add($"the disk names the file {(string?)disk.Attribute(Ovf + "fileRef")}, not {fileId}");
        }

        if ((string?)disk.Attribute(Ovf + "capacity") != capacityBytes.ToString(CultureInfo.InvariantCulture))
        {
            problems.Add($"the disk's capacity is {(string?)disk.Attribute(Ovf + "capacity")}, not {capacityBytes} bytes");
        }

        if ((string?)disk.Attribute(Ovf + "format") != OvfDescriptor.StreamOptimizedVmdk)
        {
            problems.Add($"the disk's format is {(string?)disk.Attribute(Ovf + "format")}, not the stream-optimized VMDK VirtualBox imports");
        }

        var system = envelope.Element(Ovf + "VirtualSystem");
        var hardware = system?.Element(Ovf + "VirtualHardwareSection");
        if (system?.Attribute(Ovf + "id") is null || hardware is null || system.Element(Ovf + "OperatingSystemSection") is null)
        {
            problems.Add("there is no VirtualSystem with an id, an OperatingSystemSection and a VirtualHardwareSection");
            return problems;
        }

        if (hardware.Element(Ovf + "System")?.Element(Vssd + "VirtualSystemType")?.Value != "virtualbox-2.2")
        {
            problems.Add("the hardware's VirtualSystemType is not virtualbox-2.2");
        }

        CheckItems(envelope, hardware, diskId, problems);
        return problems;
    }

    private static void CheckItems(XElement envelope, XElement hardware, string? diskId, List<string> problems)
    {
        var items = hardware.Elements(Ovf + "Item").Select(item => (
            Id: item.Element(Rasd + "InstanceID")?.Value,
            Type: int.TryParse(item.Element(Rasd + "ResourceType")?.Value, CultureInfo.InvariantCulture, out var type) ? type : -1,
            Item: item)).ToList();
        if (items.Any(i => i.Id is null || i.Type < 0) || items.Select(i => i.Id).Distinct().Count() != items.Count)
        {
            problems.Add("every hardware item needs a unique InstanceID and a ResourceType");
        }

        foreach (var (type, what) in new[] { (OvfDescriptor.Processor, "CPU"), (OvfDescriptor.Memory, "memory") })
        {
            var quantity = items.Where(i => i.Type == type).Select(i => i.Item.Element(Rasd + "VirtualQuantity")?.Value).SingleOrDefault();
            if (!int.TryParse(quantity, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                problems.Add($"there is no {what} item with a VirtualQuantity");
            }
        }

        var diskItems = items.Where(i => i.Type == OvfDescriptor.DiskDrive).ToList();
        if (diskItems.Count != 1)
        {
            problems.Add($"there should be one disk drive item; there are {diskItems.Count}");
        }
        else
        {
            var resource = diskItems[0].Item.Element(Rasd + "HostResource")?.Value;
            if (resource != $"/disk/{diskId}" && resource != $"ovf:/disk/{diskId}")
            {
                problems.Add($"the disk drive's HostResource is {resource}, not /disk/{diskId}");
            }

            var parent = diskItems[0].Item.Element(Rasd + "Parent")?.Value;
            if (!items.Any(i => i.Id == parent && StorageControllers.Contains(i.Type)))
            {
                problems.Add($"the disk drive's Parent {parent} is no storage controller of the descriptor");
            }
        }

        var networks = envelope.Elements(Ovf + "NetworkSection").Elements(Ovf + "Network").Select(n => (string?)n.Attribute(Ovf + "name")).ToHashSet();
        var cards = items.Where(i => i.Type == OvfDescriptor.EthernetAdapter).ToList();
        if (cards.Count == 0 || cards.Any(c => !networks.Contains(c.Item.Element(Rasd + "Connection")?.Value)))
        {
            problems.Add("there should be a network card connected to a network of the NetworkSection");
        }
    }
}
