using Kiln.Disks;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>Builds the typed <see cref="Manifest"/> from a document that passed schema validation.</summary>
public static class ManifestBinder
{
    /// <summary>Binds the document; problems that only show when binding (the name template) are added to <paramref name="errors"/>.</summary>
    public static Manifest Bind(ManifestDocument document, DateTimeOffset buildTime, ICollection<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(errors);
        var root = (JObject)document.Root;
        var templateProblems = new List<string>();
        var nameTemplate = Text(root["name"]) ?? string.Empty;
        var name = NameTemplate.Render(nameTemplate, WithDefaults(root), buildTime, templateProblems);
        foreach (var problem in templateProblems)
        {
            errors.Add(document.ErrorAt(root["name"], problem));
        }

        var provider = (JObject)root["provider"]!;
        return new Manifest
        {
            Name = name,
            File = document.Path,
            Directory = document.Directory,
            BuildTime = buildTime,
            Provider = new ProviderSection(Text(provider["name"])!),
            Bootstrapper = BindBootstrapper(root["bootstrapper"] as JObject ?? [], document),
            System = BindSystem((JObject)root["system"]!),
            Packages = BindPackages(root["packages"] as JObject ?? [], document),
            Volume = BindVolume((JObject)root["volume"]!),
            PluginNames = [.. (root["plugins"] as JObject ?? []).Properties().Select(p => p.Name)],
            Tags = (root["tags"] as JObject ?? []).Properties().ToDictionary(p => p.Name, p => Text(p.Value) ?? string.Empty, StringComparer.Ordinal),
        };
    }

    /// <summary>The manifest data with Kiln's defaults filled in, so a name can say {system.architecture} without the key.</summary>
    internal static JObject WithDefaults(JObject root)
    {
        var data = (JObject)root.DeepClone();
        var system = new SystemSection { Release = string.Empty };
        var bootstrapper = new BootstrapperSection();
        Fill(data, "system", new() { ["architecture"] = system.Architecture, ["bootloader"] = "grub", ["charmap"] = system.Charmap, ["locale"] = system.Locale, ["timezone"] = system.Timezone });
        Fill(data, "bootstrapper", new() { ["workspace"] = bootstrapper.Workspace, ["tool"] = "mmdebstrap" });
        Fill(data, "volume", new() { ["backing"] = "raw" });
        return data;
    }

    private static void Fill(JObject data, string section, Dictionary<string, string> defaults)
    {
        if (data[section] is not JObject target)
        {
            target = [];
            data[section] = target;
        }

        foreach (var (key, value) in defaults)
        {
            target[key] ??= value;
        }
    }

    private static BootstrapperSection BindBootstrapper(JObject section, ManifestDocument document) => new()
    {
        Workspace = Path.GetFullPath(Text(section["workspace"]) ?? BootstrapperSection.DefaultWorkspace, document.Directory),
        Mirror = Text(section["mirror"]),
        Tool = Text(section["tool"]) == "debootstrap" ? BootstrapTool.Debootstrap : BootstrapTool.Mmdebstrap,
        Variant = Text(section["variant"]),
        IncludePackages = Strings(section["include_packages"]),
        ExcludePackages = Strings(section["exclude_packages"]),
        Tarball = Flag(section["tarball"]),
        Keyring = Text(section["keyring"]) is { } keyring ? Path.GetFullPath(keyring, document.Directory) : null,
        NoCheckGpg = Flag(section["no-check-gpg"]),
        ForceCheckGpg = Flag(section["force-check-gpg"]),
        SourceDateEpoch = section["source_date_epoch"] is JValue { Type: JTokenType.Integer } epoch ? (long)epoch : null,
        Cache = section["cache"] is not JValue { Value: false },
        InMemory = section["in_memory"] is not JValue { Value: false },
    };

    private static SystemSection BindSystem(JObject section)
    {
        var defaults = new SystemSection { Release = Text(section["release"])! };
        return defaults with
        {
            Architecture = Text(section["architecture"]) ?? defaults.Architecture,
            UserspaceArchitecture = Text(section["userspace_architecture"]),
            Bootloader = BootloaderNames.Parse(Text(section["bootloader"]) ?? "grub"),
            Firmware = Text(section["firmware"]) is { } firmware ? Enum.Parse<Platforms.Firmware>(firmware, ignoreCase: true) : null,
            SecureBoot = Flag(section["secure_boot"]),
            Charmap = Text(section["charmap"]) ?? defaults.Charmap,
            Locale = Text(section["locale"]) ?? defaults.Locale,
            Timezone = Text(section["timezone"]) ?? defaults.Timezone,
            Hostname = Text(section["hostname"]),
        };
    }

    private static PackagesSection BindPackages(JObject section, ManifestDocument document) => new()
    {
        Components = section["components"] is JArray ? Strings(section["components"]) : ["main"],
        Install = [.. Strings(section["install"]).Select(entry => PackageRequest.Parse(entry, document.Directory))],
        InstallStandard = Flag(section["install_standard"]),
        Mirror = Text(section["mirror"]),
        Security = Text(section["security"]),
        Sources = Map(section["sources"], value => Strings(value)),
        Preferences = Map(section["preferences"], value => (IReadOnlyList<AptPin>)[.. ((JArray)value).OfType<JObject>().Select(pin =>
            new AptPin(Text(pin["package"])!, Text(pin["pin"])!, pin.Value<int>("pin-priority")))]),
        AptConfig = Map(section["apt.conf.d"], value => Text(value) ?? string.Empty),
        TrustedKeys = [.. Strings(section["trusted-keys"]).Select(path => Path.GetFullPath(path, document.Directory))],
        IncludeSourceType = Flag(section["include-source-type"]),
    };

    private static VolumeSection BindVolume(JObject section)
    {
        var partitions = (JObject)section["partitions"]!;
        return new VolumeSection
        {
            Backing = Text(section["backing"]) ?? "raw",
            BackingVolumeGroup = Text(section["volumegroup"]),
            BackingLogicalVolume = Text(section["logicalvolume"]),
            PartitionMap = Enum.Parse<PartitionMapKind>(Text(partitions["type"])!, ignoreCase: true),
            Partitions = BindFilesystems(partitions, ["type", "swap", PartitionSpec.EspKey, VolumeGroupSpec.Key], logicalVolumes: false),
            Swap = SizeOf(partitions["swap"]),
            Esp = SizeOf(partitions[PartitionSpec.EspKey]),
            VolumeGroup = partitions[VolumeGroupSpec.Key] is JObject group ? BindVolumeGroup(group) : null,
            UuidSeed = Text(section["uuid_seed"]),
        };
    }

    private static VolumeGroupSpec BindVolumeGroup(JObject group)
    {
        var volumes = group["logicalvolumes"] as JObject ?? [];
        return new VolumeGroupSpec
        {
            Name = Text(group["volumegroup"])!,
            Size = SizeOf(group),
            LogicalVolumes = BindFilesystems(volumes, ["swap"], logicalVolumes: true),
            Swap = SizeOf(volumes["swap"]),
            SwapName = Text(volumes["swap"]?["name"]) ?? VolumeGroupSpec.DefaultSwapName,
        };
    }

    /// <summary>The filesystems of a mapping keyed like <c>volume.partitions</c>, in bootstrap-vz's order: boot, root, then the others as listed.</summary>
    private static List<PartitionSpec> BindFilesystems(JObject entries, IReadOnlyList<string> otherKeys, bool logicalVolumes) =>
        [.. entries.Properties()
            .Where(p => !otherKeys.Contains(p.Name))
            .Select(p => BindPartition(p.Name, (JObject)p.Value, logicalVolumes))
            .OrderBy(p => p.Key switch { "boot" => 0, "root" => 1, _ => 2 })];

    private static ByteSize? SizeOf(JToken? entry) => Text(entry?["size"]) is { } size ? ByteSize.Parse(size) : null;

    private static PartitionSpec BindPartition(string key, JObject partition, bool logicalVolume) => new()
    {
        Key = key,
        Size = ByteSize.Parse(Text(partition["size"])!),
        Filesystem = Enum.Parse<FilesystemKind>(Text(partition["filesystem"])!, ignoreCase: true),
        FormatCommand = partition["format_command"] is JArray ? Strings(partition["format_command"]) : null,
        MountOptions = Strings(partition["mountopts"]),
        Mode = Text(partition["mode"]),
        LogicalVolume = logicalVolume ? Text(partition["name"]) ?? VolumeGroupSpec.NameFor(key) : null,
    };

    private static string? Text(JToken? token) => token is JValue { Value: not null } value ? Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static bool Flag(JToken? token) => token is JValue { Value: true };

    private static IReadOnlyList<string> Strings(JToken? token) => token is JArray array ? [.. array.Select(item => Text(item) ?? string.Empty)] : [];

    private static Dictionary<string, T> Map<T>(JToken? token, Func<JToken, T> convert) =>
        (token as JObject ?? []).Properties().ToDictionary(p => p.Name, p => convert(p.Value), StringComparer.Ordinal);
}
