namespace Kiln.Disks;

/// <summary>A disk image format (<c>volume.backing</c>): the file extension and how qemu-img names and writes it.</summary>
public sealed record DiskImageFormat(string Backing, string Extension, string QemuFormat, IReadOnlyList<string> QemuOptions)
{
    public static IReadOnlyList<DiskImageFormat> All { get; } =
    [
        new("raw", "raw", "raw", []),
        new("qcow2", "qcow2", "qcow2", []),
        new("vmdk", "vmdk", "vmdk", []),
        new("vdi", "vdi", "vdi", []),
        new("vhd", "vhd", "vpc", ["subformat=fixed", "force_size=on"]),
        new("vhdx", "vhdx", "vhdx", []),
    ];

    public static DiskImageFormat? Find(string backing) => All.FirstOrDefault(f => f.Backing == backing);

    public bool IsRaw => Backing == "raw";

    /// <summary>A fixed VHD: the raw disk and a footer Kiln writes itself (reproducibly; qemu-img stamps the clock and a random id).</summary>
    public bool IsFixedVhd => Backing == "vhd";
}
