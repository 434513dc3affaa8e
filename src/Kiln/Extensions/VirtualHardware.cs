namespace Kiln.Extensions;

/// <summary>How a machine presents its boot disk (<c>virtio-blk</c>, <c>nvme</c>, <c>virtio-scsi</c>, <c>ide</c>) and its network card to the guest.</summary>
public sealed record VirtualHardware(string DiskBus, string Network)
{
    public static VirtualHardware Virtio { get; } = new("virtio-blk", "virtio-net");
}
