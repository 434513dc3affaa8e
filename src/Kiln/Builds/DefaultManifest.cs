namespace Kiln.Builds;

/// <summary>The manifest <c>kiln build</c> uses without an argument (manifests/default.yml, embedded).</summary>
public static class DefaultManifest
{
    public const string DisplayName = "default.yml";

    public static string Text => EmbeddedResources.ReadText(typeof(DefaultManifest).Assembly, "default-manifest.yml");
}
