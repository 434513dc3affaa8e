using System.Reflection;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Samples.Motd;

/// <summary>
/// A sample third-party plugin: <c>plugins: {motd: {message: "..."}}</c> writes the message of the day.
/// It contributes a schema part, a typed settings record, a check the schema cannot express, and one task.
/// </summary>
public sealed class MotdPlugin : Plugin<MotdSettings>
{
    public override string Name { get; } = typeof(MotdPlugin).Assembly.GetCustomAttribute<PluginNameAttribute>()?.Name ?? "motd";

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromYaml(
        "plugin motd",
        EmbeddedResources.ReadText(typeof(MotdPlugin).Assembly, "manifest-schema.yml").Replace("      motd:", $"      {PluginNameFor()}:", StringComparison.Ordinal),
        "motd/manifest-schema.yml");

    public override MotdSettings Bind(SettingsSection section) => MotdSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, MotdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Message.Length > 4000)
        {
            yield return settings.Where.ErrorAt("message", "the message of the day is longer than 4000 characters");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, MotdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add(new WriteMotd(Name));
    }

    private static string PluginNameFor() => typeof(MotdPlugin).Assembly.GetCustomAttribute<PluginNameAttribute>()?.Name ?? "motd";
}
