using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Docker;

/// <summary>
/// The JSON documents of a one-layer container image, as the OCI image specification (v1.1) and Docker's
/// docker-archive define them: the config (architecture, os, rootfs diff_ids, run-time settings, history), the
/// image manifest, the layout's index.json and oci-layout, and docker-archive's manifest.json. Keys are written in
/// a fixed order without whitespace, so the same input gives the same bytes and digests.
/// </summary>
public sealed class OciImage
{
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string IndexMediaType = "application/vnd.oci.image.index.v1+json";
    public const string LayerMediaType = "application/vnd.oci.image.layer.v1.tar";
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    public const string CreatedAnnotation = "org.opencontainers.image.created";

    /// <summary>containerd's (and Docker's) annotation for the full image name, which tools use when ref.name is a tag only.</summary>
    public const string ContainerdNameAnnotation = "io.containerd.image.name";

    public OciImage(ImageReference reference, string architecture, DateTimeOffset created, ContainerConfig config, OciBlob layer, string diffId, string createdBy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layer);
        Reference = reference;
        Layer = layer;
        var time = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Config = OciBlob.FromJson(ConfigMediaType, ConfigJson(architecture, time, config, diffId, createdBy));
        Manifest = OciBlob.FromJson(ManifestMediaType, ManifestJson(Config, layer, time));
        IndexJson = Serialize(new JObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = IndexMediaType,
            ["manifests"] = new JArray(new JObject
            {
                ["mediaType"] = ManifestMediaType,
                ["digest"] = Manifest.Digest,
                ["size"] = Manifest.Size,
                ["platform"] = new JObject { ["architecture"] = architecture, ["os"] = "linux" },
                ["annotations"] = new JObject { [ContainerdNameAnnotation] = reference.ToString(), [RefNameAnnotation] = reference.Tag },
            }),
        });
        DockerManifestJson = Serialize(new JArray(new JObject
        {
            [DockerConfigKey] = Config.LayoutPath,
            ["RepoTags"] = new JArray(reference.ToString()),
            ["Layers"] = new JArray(layer.LayoutPath),
        }));
    }

    // docker-archive's key for the config path; a constant because the class has a property of that name (CA1507).
    private const string DockerConfigKey = "Config";

    public const string LayoutVersionJson = "{\"imageLayoutVersion\":\"1.0.0\"}";

    public ImageReference Reference { get; }

    public OciBlob Layer { get; }

    public OciBlob Config { get; }

    public OciBlob Manifest { get; }

    public string IndexJson { get; }

    /// <summary>docker-archive's manifest.json: the config and layers by their paths in the archive, and the tag <c>docker load</c> gives.</summary>
    public string DockerManifestJson { get; }

    /// <summary>The Debian architecture as OCI names it (GOARCH).</summary>
    public static string ArchitectureOf(string debian) => debian switch
    {
        "i386" => "386",
        _ => debian,
    };

    private static string ConfigJson(string architecture, string created, ContainerConfig config, string diffId, string createdBy)
    {
        var run = new JObject();
        if (config.User is not null)
        {
            run["User"] = config.User;
        }

        if (config.ExposedPorts.Count > 0)
        {
            run["ExposedPorts"] = new JObject(config.ExposedPorts.Select(p => new JProperty(p, new JObject())));
        }

        run["Env"] = new JArray(config.Env);
        if (config.Entrypoint is not null)
        {
            run["Entrypoint"] = new JArray(config.Entrypoint);
        }

        if (config.Cmd is not null)
        {
            run["Cmd"] = new JArray(config.Cmd);
        }

        if (config.Volumes.Count > 0)
        {
            run["Volumes"] = new JObject(config.Volumes.Select(v => new JProperty(v, new JObject())));
        }

        if (config.WorkingDir is not null)
        {
            run["WorkingDir"] = config.WorkingDir;
        }

        if (config.Labels.Count > 0)
        {
            run["Labels"] = new JObject(config.Labels.Select(l => new JProperty(l.Key, l.Value)));
        }

        if (config.OnBuild.Count > 0)
        {
            // Docker's image config has OnBuild; the OCI config does not, and readers ignore what they do not know.
            run["OnBuild"] = new JArray(config.OnBuild);
        }

        var document = new JObject { ["created"] = created };
        if (config.Author is not null)
        {
            document["author"] = config.Author;
        }

        document["architecture"] = architecture;
        document["os"] = "linux";
        document["config"] = run;
        document["rootfs"] = new JObject { ["type"] = "layers", ["diff_ids"] = new JArray(diffId) };
        document["history"] = new JArray(new JObject { ["created"] = created, ["created_by"] = createdBy });
        return Serialize(document);
    }

    private static string ManifestJson(OciBlob config, OciBlob layer, string created) => Serialize(new JObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = ManifestMediaType,
        ["config"] = Descriptor(config),
        ["layers"] = new JArray(Descriptor(layer)),
        ["annotations"] = new JObject { [CreatedAnnotation] = created },
    });

    private static JObject Descriptor(OciBlob blob) => new() { ["mediaType"] = blob.MediaType, ["digest"] = blob.Digest, ["size"] = blob.Size };

    private static string Serialize(JToken token) => token.ToString(Formatting.None);
}
