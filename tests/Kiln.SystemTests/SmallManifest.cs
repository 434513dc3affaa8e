namespace Kiln.SystemTests;

/// <summary>The smallest buildable manifest (trixie minbase, one 2 GiB ext4 root on msdos, no SSH) with the plugins a test adds.</summary>
public static class SmallManifest
{
    /// <param name="name">The image's name.</param>
    /// <param name="plugins">The lines under <c>plugins:</c>, indented by two spaces.</param>
    /// <param name="backing">raw or qcow2.</param>
    /// <param name="bootloader">system.bootloader, or null for the provider's default.</param>
    public static string Text(string name, string plugins, string backing = "raw", string? bootloader = null) =>
        $"""
        name: {name}
        provider:
          name: kvm
          ssh: false
        bootstrapper:
          variant: minbase
        system:
          release: trixie
        {(bootloader is null ? string.Empty : $"  bootloader: {bootloader}\n")}volume:
          backing: {backing}
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 2GiB
        plugins:
        {plugins}
        """;
}
