using System.Reflection;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Samples.Motd;

/// <summary>
/// A sample third-party plugin: <c>plugins: {motd: {message: "..."}}</c> writes the message of the day.
/// It contributes a schema part, a check the schema cannot express, and one task.
/// </summary>
public sealed class MotdPlugin : IPlugin
{
    public string Name { get; } = typeof(MotdPlugin).Assembly.GetCustomAttribute<PluginNameAttribute>()?.Name ?? "motd";

    public ManifestSchema? Schema { get; } = ManifestSchema.FromYaml(
        "plugin motd",
        EmbeddedResources.ReadText(typeof(MotdPlugin).Assembly, "manifest-schema.yml").Replace("      motd:", $"      {PluginNameFor()}:", StringComparison.Ordinal),
        "motd/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var message = (string?)manifest.PluginSettings(Name)["message"] ?? string.Empty;
        if (message.Length > 4000)
        {
            yield return manifest.Document.ErrorAt(manifest.Document.Root.SelectToken($"plugins.{Name}.message"), "the message of the day is longer than 4000 characters");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add(new WriteMotd(Name));
    }

    private static string PluginNameFor() => typeof(MotdPlugin).Assembly.GetCustomAttribute<PluginNameAttribute>()?.Name ?? "motd";
}
