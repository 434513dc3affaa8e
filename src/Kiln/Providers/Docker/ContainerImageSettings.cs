using System.Globalization;
using Kiln.Manifests;
using Kiln.Specs;

namespace Kiln.Providers.Docker;

/// <summary>
/// The image's run-time config from the manifest, as bootstrap-vz's docker provider made it: with <c>labels</c>
/// the labels <c>name</c> (the image name), <c>architecture</c> and <c>build-date</c> come first and the
/// manifest's (templates filled in like the image name) override them; then the <c>dockerfile</c> instructions.
/// </summary>
public static class ContainerImageSettings
{
    public static (ContainerConfig Config, IReadOnlyList<ManifestError> Problems) Resolve(BuildSpec spec, DockerSettings settings, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<ManifestError>();
        var config = new ContainerConfig();
        if (settings.Labels is { } labels)
        {
            var values = new List<KeyValuePair<string, string>>
            {
                new("name", spec.Manifest.Name),
                new("architecture", spec.Architecture.Debian),
                new("build-date", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            };
            foreach (var (key, template) in labels)
            {
                var errors = new List<string>();
                var value = spec.Values.Render(template, spec.Manifest.BuildTime, new Dictionary<string, string>(), errors);
                problems.AddRange(errors.Select(e => settings.Where.ErrorAt($"labels.{key}", e)));
                values.RemoveAll(v => v.Key == key);
                values.Add(new(key, value));
            }

            config = config with { Labels = values };
        }

        var (applied, problem) = DockerfileInstructions.Apply(config, settings.Dockerfile);
        if (problem is { } p)
        {
            problems.Add(settings.Where.ErrorAt($"dockerfile[{p.Index}]", p.Message));
        }

        return (applied, problems);
    }

    /// <summary>The image's creation time: SOURCE_DATE_EPOCH when it is set (a reproducible build), else the build's start.</summary>
    public static DateTimeOffset CreatedTime(DateTimeOffset buildTime, string? sourceDateEpoch) =>
        long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : buildTime;
}
