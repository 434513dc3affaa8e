using Kiln.Platforms;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.VirtualMachines;

/// <summary>
/// How an image boots, written beside it (<c>NAME.boot.json</c>): architecture, firmware, Secure Boot, how the
/// disk and network are presented, and the serial console. <c>kiln test</c> and <c>kiln boot</c> read it to
/// start the machine the image was made for; an image without one boots as an amd64 BIOS virtio machine.
/// </summary>
public sealed record BootRecord(string Architecture, Firmware Firmware, bool SecureBoot, string DiskBus, string Network, string Console)
{
    /// <summary>What an image without a record is booted as: what every Kiln image was before records existed.</summary>
    public static BootRecord Default { get; } = new("amd64", Firmware.Bios, SecureBoot: false, "virtio-blk", "virtio-net", "ttyS0");

    public string ToJson() => new JObject
    {
        ["architecture"] = Architecture,
        ["firmware"] = Firmware.ToString().ToLowerInvariant(),
        ["secure_boot"] = SecureBoot,
        ["disk_bus"] = DiskBus,
        ["network"] = Network,
        ["console"] = Console,
    }.ToString(Formatting.Indented) + "\n";

    public static BootRecord Parse(string json, string origin)
    {
        try
        {
            var data = JObject.Parse(json);
            return new BootRecord(
                Text(data, "architecture") ?? Default.Architecture,
                Enum.Parse<Firmware>(Text(data, "firmware") ?? "bios", ignoreCase: true),
                data["secure_boot"]?.Value<bool>() == true,
                Text(data, "disk_bus") ?? Default.DiskBus,
                Text(data, "network") ?? Default.Network,
                Text(data, "console") ?? Default.Console);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new UserInputException($"{origin}: not a boot record Kiln can read ({exception.Message}); remove it to boot the image as an amd64 BIOS machine", exception);
        }
    }

    /// <summary>The record of <paramref name="image"/> (<c>NAME.boot.json</c> beside <c>NAME.EXT</c>), or null when it has none.</summary>
    public static BootRecord? ReadBeside(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var path = PathFor(image);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : null;
    }

    /// <summary>Where the record of an image is: the image's name without its extension (or .tar.gz), plus .boot.json.</summary>
    public static string PathFor(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = image.EndsWith(".tar.gz", StringComparison.Ordinal) ? image[..^".tar.gz".Length] : Path.ChangeExtension(image, null);
        return name + Specs.BootRecordOutput.Extension;
    }

    private static string? Text(JObject data, string key) => data[key]?.Type == JTokenType.String ? (string?)data[key] : null;
}
