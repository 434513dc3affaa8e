using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Kiln.Disks.Lvm;

/// <summary>Reads the JSON reports of <c>pvs</c>, <c>lvs</c> and <c>vgs</c> (<c>--reportformat json</c>).</summary>
public static class LvmReport
{
    /// <summary>The rows of the report's one table (<c>pv</c>, <c>lv</c>, <c>vg</c>), each field as text.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string json, string table)
    {
        ArgumentNullException.ThrowIfNull(json);
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var report = JObject.Parse(json[start..]);
        return [.. (report["report"] as JArray ?? [])
            .SelectMany(part => part[table] as JArray ?? [])
            .OfType<JObject>()
            .Select(row => (IReadOnlyDictionary<string, string>)row.Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal))];
    }

    public static PhysicalVolumeReport PhysicalVolume(string json)
    {
        var rows = Rows(json, "pv");
        var row = rows.Count > 0 ? rows[0] : throw new KilnException("pvs reported no physical volume");
        return new PhysicalVolumeReport(row.GetValueOrDefault("pv_uuid", string.Empty), row.GetValueOrDefault("vg_name", string.Empty),
            Number(row, "pe_start"), Number(row, "vg_extent_size"), Number(row, "pv_pe_count"));
    }

    /// <summary>Each logical volume's segments as <c>lvs -o lv_name,seg_pe_ranges</c> prints them: <c>(root, 32-287)</c>, the device cut off.</summary>
    public static IReadOnlyList<(string Name, string Extents)> Segments(string json) =>
        [.. Rows(json, "lv").Select(row =>
        {
            var ranges = row.GetValueOrDefault("seg_pe_ranges", string.Empty);
            return (row.GetValueOrDefault("lv_name", string.Empty), ranges[(ranges.LastIndexOf(':') + 1)..]);
        })];

    public static long Number(IReadOnlyDictionary<string, string> row, string field)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.TryGetValue(field, out var text) && long.TryParse(text.Trim().TrimEnd('B'), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new KilnException($"LVM's report has no number in `{field}`");
    }
}
