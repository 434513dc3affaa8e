using Kiln.Platforms;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Publishing;

/// <summary>
/// What a build made for a cloud and where it goes, written beside the image (<c>NAME.publication.json</c>):
/// <c>kiln publish OUTPUT_DIR</c> publishes the image later from it alone. It holds no secrets; credentials
/// are read when the image is published.
/// </summary>
public sealed record PublicationRecord
{
    public const string Extension = ".publication.json";

    /// <summary>The cloud (<c>ec2</c>, <c>gce</c>, <c>azure</c>).</summary>
    public required string Cloud { get; init; }

    /// <summary>The image file's name, in the record's directory.</summary>
    public required string Image { get; init; }

    /// <summary>The image file's format as the cloud imports it (<c>raw</c>, <c>vmdk</c>, <c>vhd</c>, <c>tar.gz</c>).</summary>
    public required string Format { get; init; }

    /// <summary>The size of the disk the image holds.</summary>
    public required long DiskBytes { get; init; }

    /// <summary>Debian's name of the image's architecture.</summary>
    public required string Architecture { get; init; }

    public required Firmware Firmware { get; init; }

    public bool SecureBoot { get; init; }

    /// <summary>The name the image is registered under.</summary>
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The cloud's own settings (bucket, region, project ...), as the cloud's publisher reads them.</summary>
    public JObject Target { get; init; } = [];

    /// <summary>The record beside an image file (<c>NAME.EXT</c> → <c>NAME.publication.json</c>).</summary>
    public static string PathFor(string outputDirectory, string imageName) => Path.Combine(outputDirectory, imageName + Extension);

    public string ToJson() => new JObject
    {
        ["cloud"] = Cloud,
        ["image"] = Image,
        ["format"] = Format,
        ["disk_bytes"] = DiskBytes,
        ["architecture"] = Architecture,
        ["firmware"] = Firmware.ToString().ToLowerInvariant(),
        ["secure_boot"] = SecureBoot,
        ["name"] = Name,
        ["description"] = Description,
        ["tags"] = new JObject(Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value))),
        ["target"] = Target.DeepClone(),
    }.ToString(Formatting.Indented) + "\n";

    public static PublicationRecord Parse(string json, string origin)
    {
        try
        {
            var data = JObject.Parse(json);
            return new PublicationRecord
            {
                Cloud = Required(data, "cloud"),
                Image = Required(data, "image"),
                Format = Required(data, "format"),
                DiskBytes = data["disk_bytes"]?.Value<long>() ?? throw new FormatException("disk_bytes is missing"),
                Architecture = Required(data, "architecture"),
                Firmware = Enum.Parse<Firmware>(Required(data, "firmware"), ignoreCase: true),
                SecureBoot = data["secure_boot"]?.Value<bool>() == true,
                Name = Required(data, "name"),
                Description = (string?)data["description"] ?? string.Empty,
                Tags = (data["tags"] as JObject ?? []).Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal),
                Target = data["target"] as JObject ?? [],
            };
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new UserInputException($"{origin}: not a publication record Kiln can read ({exception.Message}); build the image again", exception);
        }
    }

    /// <summary>The one publication record in a build's output directory.</summary>
    public static (PublicationRecord Record, string Path) ReadFrom(string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (!Directory.Exists(outputDirectory))
        {
            throw new UserInputException($"{outputDirectory}: no such directory; give kiln publish the output directory of a cloud build");
        }

        var records = Directory.GetFiles(outputDirectory, "*" + Extension).Order(StringComparer.Ordinal).ToList();
        return records.Count switch
        {
            0 => throw new UserInputException($"{outputDirectory} holds no publication record (*{Extension}); only images built for a cloud provider (ec2, gce, azure) can be published"),
            > 1 => throw new UserInputException($"{outputDirectory} holds {records.Count} publication records ({string.Join(", ", records.Select(System.IO.Path.GetFileName))}); give kiln publish a directory with one image"),
            _ => (Parse(File.ReadAllText(records[0]), records[0]), records[0]),
        };
    }

    private static string Required(JObject data, string key) =>
        data[key]?.Type == JTokenType.String ? (string)data[key]! : throw new FormatException($"{key} is missing");
}
