namespace Kiln.Platforms;

/// <summary>What the platform asks of the disk layout: a BIOS boot partition, an EFI system partition, the root's GPT type.</summary>
public sealed record LayoutNeeds(bool BiosBootPartition, bool EfiSystemPartition, string RootPartitionType)
{
    /// <summary>What an x86-64 BIOS disk with GRUB on GPT needs (the layout of every build before firmware was an axis).</summary>
    public static LayoutNeeds BiosGrub { get; } = new(BiosBootPartition: true, EfiSystemPartition: false, Architectures.Amd64.RootPartitionType);

    public static LayoutNeeds Nothing { get; } = new(BiosBootPartition: false, EfiSystemPartition: false, Architectures.Amd64.RootPartitionType);
}
