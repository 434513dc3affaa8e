using System.Globalization;
using System.Text;
using Kiln.Specs;

namespace Kiln.Plugins.ExpandRoot;

/// <summary>bootstrap-vz's three expand_root options; Kiln finds each one that is left out itself.</summary>
public sealed record ExpandRootSettings(string? FilesystemType, string? RootDevice, long? RootPartition)
{
    public SourceMap Where { get; init; } = SourceMap.None;

    public static ExpandRootSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new ExpandRootSettings((string?)settings["filesystem_type"], (string?)settings["root_device"], (long?)settings["root_partition"])
        {
            Where = section.Locations,
        };
    }

    /// <summary>The options for kiln-expand-root (with a leading space), or empty when it finds everything at boot.</summary>
    public string ScriptArguments()
    {
        var arguments = new StringBuilder();
        if (RootDevice is not null)
        {
            arguments.Append(" --device ").Append(RootDevice);
        }

        if (RootPartition is { } partition)
        {
            arguments.Append(" --partition ").Append(partition.ToString(CultureInfo.InvariantCulture));
        }

        if (FilesystemType is not null)
        {
            arguments.Append(" --filesystem ").Append(FilesystemType);
        }

        return arguments.ToString();
    }
}
