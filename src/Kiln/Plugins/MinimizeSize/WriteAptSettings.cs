using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// Writes the manifest's apt settings into the image. They are written after the bootstrap: during the build they
/// would cost time (gzip indexes are bigger downloads) or fight the package cache (autoclean deletes downloads).
/// </summary>
public sealed class WriteAptSettings : BuildTask
{
    public const string ConfigDirectory = "/etc/apt/apt.conf.d";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Writing apt's size settings";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (path, text) in Files(context.Spec.SettingsOf<MinimizeSizeSettings>()))
        {
            context.WriteFile(path, text);
        }

        return Task.CompletedTask;
    }

    public static IReadOnlyDictionary<string, string> Files(MinimizeSizeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (settings.AptLanguages is { } languages)
        {
            var list = string.Join(' ', languages.Select(language => $"\"{language}\";"));
            files[$"{ConfigDirectory}/20languages"] = Asset("20languages").Replace("@LANGUAGES@", list, StringComparison.Ordinal);
        }

        if (settings.AptGzipIndexes)
        {
            files[$"{ConfigDirectory}/20gzip-indexes"] = Asset("20gzip-indexes");
        }

        if (settings.AptAutoremoveSuggests)
        {
            files[$"{ConfigDirectory}/20autoremove-suggests"] = Asset("20autoremove-suggests");
        }

        if (settings.AptAutoclean)
        {
            files[$"{ConfigDirectory}/90clean"] = Asset("90clean");
        }

        return files;
    }

    private static string Asset(string name) => ImageFiles.Asset<WriteAptSettings>($"Plugins/MinimizeSize/assets/{name}");
}
