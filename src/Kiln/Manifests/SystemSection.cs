namespace Kiln.Manifests;

/// <summary>The <c>system</c> section: release, architecture, bootloader and the basic settings of the image.</summary>
public sealed record SystemSection
{
    public required string Release { get; init; }

    public string Architecture { get; init; } = "amd64";

    public string? UserspaceArchitecture { get; init; }

    public Bootloader Bootloader { get; init; } = Bootloader.Grub;

    /// <summary><c>system.firmware</c>; null when the manifest leaves it to the provider (bootstrap-vz manifests have none).</summary>
    public Platforms.Firmware? Firmware { get; init; }

    /// <summary><c>system.secure_boot</c>: boot through Debian's signed shim and GRUB (UEFI only).</summary>
    public bool SecureBoot { get; init; }

    public string Charmap { get; init; } = "UTF-8";

    public string Locale { get; init; } = "C";

    public string Timezone { get; init; } = "UTC";

    public string? Hostname { get; init; }

    /// <summary>The full locale name, e.g. <c>en_US.UTF-8</c> from locale en_US and charmap UTF-8.</summary>
    public string LocaleName => Locale.Contains('.', StringComparison.Ordinal) ? Locale : $"{Locale}.{Charmap}";

    /// <summary>True when the locale needs no generated locale data (C and POSIX are built into libc).</summary>
    public bool IsBuiltInLocale => Locale is "C" or "POSIX";
}
