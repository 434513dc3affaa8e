using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kiln.Common;
using Kiln.Disks;
using Kiln.Host;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// What goes into a <c>.box</c> file for one Vagrant provider, and the commands that make it: for virtualbox an
/// OVF descriptor, a stream-optimized VMDK (the format VirtualBox exports and imports), the box's Vagrantfile
/// and metadata.json; for libvirt a qcow2 <c>box.img</c>, metadata.json with its format and size, and a
/// Vagrantfile. The box is a gzip-compressed tar with the files at its top level, as Vagrant unpacks it.
/// </summary>
public sealed record VagrantBox(string BoxProvider)
{
    public const string OvfFile = "box.ovf";
    public const string MetadataFile = "metadata.json";
    public const string VagrantfileName = "Vagrantfile";

    public bool IsVirtualBox => BoxProvider == VagrantSettings.VirtualBox;

    /// <summary>The disk's name in the box: the names bootstrap-vz's boxes used, and Vagrant's own examples.</summary>
    public string DiskFile => IsVirtualBox ? "box-disk1.vmdk" : "box.img";

    /// <summary>The box's files, in the order they are packed.</summary>
    public IReadOnlyList<string> Files => IsVirtualBox ? [OvfFile, DiskFile, MetadataFile, VagrantfileName] : [DiskFile, MetadataFile, VagrantfileName];

    /// <summary>Writes the box's disk from the raw disk of the build.</summary>
    public CommandLine ConvertDisk(string rawDisk, string target) => IsVirtualBox
        ? new CommandLine("qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized", rawDisk, target)
        : new CommandLine("qemu-img", "convert", "-f", "raw", "-O", "qcow2", rawDisk, target);

    /// <summary>metadata.json: the provider, and for libvirt the disk's format and its size in whole GiB (vagrant-libvirt's unit).</summary>
    public string Metadata(ByteSize virtualSize)
    {
        var metadata = new JObject { ["provider"] = BoxProvider };
        if (!IsVirtualBox)
        {
            metadata["format"] = "qcow2";
            metadata["virtual_size"] = (virtualSize.Bytes + (1L << 30) - 1) >> 30;
        }

        return metadata.ToString(Formatting.Indented) + "\n";
    }

    public string Vagrantfile(string imageName)
    {
        ArgumentNullException.ThrowIfNull(imageName);
        var text = ImageFiles.Asset<VagrantBox>($"Plugins/Vagrant/assets/Vagrantfile.{BoxProvider}");
        return text.Replace("@MAC@", BaseMac(imageName), StringComparison.Ordinal);
    }

    /// <summary>
    /// The MAC address of the box's NAT card: VirtualBox's prefix (08:00:27) and three bytes of the image name's
    /// hash, so one manifest always makes the same box. Vagrant sets it on the card it imports.
    /// </summary>
    public static string BaseMac(string imageName)
    {
        ArgumentNullException.ThrowIfNull(imageName);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(imageName));
        return "080027" + Convert.ToHexString(hash, 0, 3);
    }

    /// <summary>Packs the staged files into the box: numeric root ownership, files in a fixed order.</summary>
    public CommandLine Pack(string stagingDirectory, string boxFile) =>
        new("tar", ["--create", "--gzip", "--file", boxFile, "--directory", stagingDirectory, "--owner=0", "--group=0", "--numeric-owner", "--", .. Files]);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BoxProvider} box");
}
