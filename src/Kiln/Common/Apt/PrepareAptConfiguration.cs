using System.Text;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Apt;

/// <summary>
/// Puts the image's apt configuration (sources, preferences, apt.conf.d, trusted keys) among the files
/// placed before packages are installed, so the bootstrap's own apt run already uses it.
/// </summary>
public sealed class PrepareAptConfiguration : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Preparing the apt configuration";

    public override IReadOnlyList<Type> Predecessors => [typeof(AddManifestSources), typeof(AddDefaultSources)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var packages = context.Manifest.Packages;
        var files = context.EarlyFiles;
        files["/etc/apt/sources.list"] = EarlyFile.Text(AptSources.Render(context.Sources.Main));
        foreach (var (name, lines) in context.Sources.Files)
        {
            files[$"/etc/apt/sources.list.d/{name}.list"] = EarlyFile.Text(AptSources.Render(lines));
        }

        foreach (var (name, pins) in packages.Preferences)
        {
            var path = name == "main" ? "/etc/apt/preferences" : $"/etc/apt/preferences.d/{name}";
            files[path] = EarlyFile.Text(RenderPreferences(pins));
        }

        foreach (var (name, content) in packages.AptConfig)
        {
            files[$"/etc/apt/apt.conf.d/{name}"] = EarlyFile.Text(content.EndsWith('\n') ? content : content + "\n");
        }

        foreach (var key in packages.TrustedKeys)
        {
            files[$"/etc/apt/trusted.gpg.d/{Path.GetFileName(key)}"] = new EarlyFile(File.ReadAllBytes(key));
        }

        return Task.CompletedTask;
    }

    public static string RenderPreferences(IEnumerable<Manifests.AptPin> pins)
    {
        var text = new StringBuilder();
        foreach (var pin in pins)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append($"Package: {pin.Package}\nPin: {pin.Pin}\nPin-Priority: {pin.Priority}\n");
        }

        return text.ToString();
    }
}
