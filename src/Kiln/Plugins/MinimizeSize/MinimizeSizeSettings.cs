using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>The minimize_size plugin's settings: bootstrap-vz's, plus Kiln's <c>dpkg.exclude_man_pages</c>.</summary>
public sealed record MinimizeSizeSettings
{
    public ShrinkMode Shrink { get; init; }

    public bool Zerofree { get; init; }

    public bool AptAutoclean { get; init; }

    /// <summary>The languages apt downloads descriptions for; null leaves apt's default.</summary>
    public IReadOnlyList<string>? AptLanguages { get; init; }

    public bool AptGzipIndexes { get; init; }

    public bool AptAutoremoveSuggests { get; init; }

    /// <summary>The translations kept; null keeps them all (no filter).</summary>
    public IReadOnlyList<string>? DpkgLocales { get; init; }

    public bool ExcludeDocs { get; init; }

    public bool ExcludeManPages { get; init; }

    public bool HasAptSettings => AptAutoclean || AptLanguages is not null || AptGzipIndexes || AptAutoremoveSuggests;

    public bool HasDpkgFilters => DpkgLocales is not null || ExcludeDocs || ExcludeManPages;

    public SourceMap Where { get; init; } = SourceMap.None;

    /// <summary>bootstrap-vz's <c>shrink: vmware-vdiskmanager</c>, which Kiln refuses.</summary>
    public bool ShrinkWithVmwareTool { get; init; }

    public static MinimizeSizeSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        var apt = settings["apt"] as JObject ?? [];
        var dpkg = settings["dpkg"] as JObject ?? [];
        return new MinimizeSizeSettings
        {
            Shrink = ShrinkModeOf(settings["shrink"]),
            Zerofree = Flag(settings["zerofree"]),
            AptAutoclean = Flag(apt["autoclean"]),
            AptLanguages = Strings(apt["languages"]),
            AptGzipIndexes = Flag(apt["gzip_indexes"]),
            AptAutoremoveSuggests = Flag(apt["autoremove_suggests"]),
            DpkgLocales = Strings(dpkg["locales"]),
            ExcludeDocs = Flag(dpkg["exclude_docs"]),
            ExcludeManPages = Flag(dpkg["exclude_man_pages"]),
            ShrinkWithVmwareTool = settings["shrink"] is JValue { Value: "vmware-vdiskmanager" },
            Where = section.Locations,
        };
    }

    /// <summary>bootstrap-vz's <c>true</c> meant VMware's tool, which no kvm image could use; here it means qemu-img.</summary>
    private static ShrinkMode ShrinkModeOf(JToken? token) => token switch
    {
        JValue { Value: true } or JValue { Value: "qemu-img" } => ShrinkMode.Compressed,
        JValue { Value: "qemu-img-no-compression" } => ShrinkMode.Uncompressed,
        _ => ShrinkMode.None,
    };

    private static bool Flag(JToken? token) => token?.Value<bool>() == true;

    private static List<string>? Strings(JToken? token) => token is JArray items ? [.. items.Select(item => (string)item!)] : null;
}
