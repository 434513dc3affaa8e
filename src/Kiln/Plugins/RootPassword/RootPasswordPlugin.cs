using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.RootPassword;

/// <summary>bootstrap-vz's root_password plugin, plus <c>random: true</c> for an image without a well-known password.</summary>
public sealed class RootPasswordPlugin : IPlugin
{
    public const string PluginName = "root_password";

    public string Name => PluginName;

    public ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin root_password", typeof(RootPasswordPlugin).Assembly, "Plugins/RootPassword/manifest-schema.yml");

    public IEnumerable<ManifestError> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (RootPasswordSettings.From(manifest).Choices != 1)
        {
            yield return manifest.Document.ErrorAt(manifest.Document.Root.SelectToken("plugins.root_password"),
                "root_password takes exactly one of password, password-crypted or random: true");
        }
    }

    public void ResolveTasks(TaskSet tasks, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.Add<SetRootPassword>();
    }
}
