using System.Text;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Specs;
using Kiln.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace Kiln.Builds;

/// <summary>
/// What a build would do, before it does it (mkosi's <c>summary</c>): its outputs and their formats, the release
/// and the suite it resolves to, the mirror, the packages of the image, the host packages the build would
/// install, the platform and the plan.
/// </summary>
public sealed record BuildSummary
{
    public required string Name { get; init; }

    public required string Provider { get; init; }

    public required string Platform { get; init; }

    public required IReadOnlyList<BuildOutput> Outputs { get; init; }

    public required string Release { get; init; }

    /// <summary>The codename the release stands for, and how that was found out (the mirror, or Kiln's table offline).</summary>
    public required string ResolvedRelease { get; init; }

    public required string ResolvedFrom { get; init; }

    public required string? Mirror { get; init; }

    public required IReadOnlyList<string> Packages { get; init; }

    public required IReadOnlyList<string> MissingHostPackages { get; init; }

    public required Plan Plan { get; init; }

    public static async Task<BuildSummary> CreateAsync(BuildSpec spec, Plan plan, bool offline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plan);
        var manifest = spec.Manifest;
        var mirror = (manifest.Bootstrapper.Mirror ?? manifest.Packages.Mirror ?? HostAptConfiguration.ReadMirrors().Archive)?.TrimEnd('/');
        var (resolved, from) = await ResolveAsync(manifest.System.Release, mirror, offline, cancellationToken);
        var missing = HostToolCheck.Missing(HostToolInventory.For(spec, plan)).Select(t => t.Package).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new BuildSummary
        {
            Name = manifest.Name,
            Provider = spec.Provider.Name,
            Platform = spec.Platform.ToString(),
            Outputs = spec.Outputs.All,
            Release = manifest.System.Release,
            ResolvedRelease = resolved,
            ResolvedFrom = from,
            Mirror = mirror,
            Packages = await PackagesOfAsync(spec, plan, cancellationToken),
            MissingHostPackages = missing,
            Plan = plan,
        };
    }

    public string Describe()
    {
        var text = new StringBuilder();
        void Row(string label, string value) => text.Append(label.PadRight(15)).Append(value).Append('\n');
        Row("image", Name);
        Row("provider", Provider);
        Row("platform", Platform);
        foreach (var output in Outputs)
        {
            Row("output", $"{output.Location} ({output.Kind})");
        }

        Row("release", Release == ResolvedRelease ? $"{Release} ({ResolvedFrom})" : $"{Release}, now {ResolvedRelease} ({ResolvedFrom})");
        Row("mirror", Mirror ?? "none (set bootstrapper.mirror; the host's apt sources name none)");
        Row("packages", Packages.Count == 0 ? "none beyond the base system" : string.Join(' ', Packages));
        Row("host packages", MissingHostPackages.Count == 0 ? "none to install: every host tool is present" : $"would install {string.Join(' ', MissingHostPackages)}");
        text.Append("plan:\n").Append(string.Join('\n', Plan.Describe().TrimEnd('\n').Split('\n').Select(line => "  " + line))).Append('\n');
        return text.ToString();
    }

    public JObject ToJson() => new()
    {
        ["name"] = Name,
        ["provider"] = Provider,
        ["platform"] = Platform,
        ["outputs"] = new JArray(Outputs.Select(o => new JObject { ["kind"] = o.Kind, ["path"] = o.Location })),
        ["release"] = Release,
        ["resolvedRelease"] = ResolvedRelease,
        ["resolvedFrom"] = ResolvedFrom,
        ["mirror"] = Mirror,
        ["packages"] = new JArray(Packages),
        ["hostPackagesToInstall"] = new JArray(MissingHostPackages),
        ["plan"] = PlanJson.Of(Plan),
    };

    private static async Task<(string Codename, string From)> ResolveAsync(string release, string? mirror, bool offline, CancellationToken cancellationToken)
    {
        if (!ReleaseCatalog.IsSuite(release))
        {
            return (release, "a codename");
        }

        var table = ReleaseCatalog.Find(release)!.Codename;
        if (offline || mirror is null)
        {
            return (table, offline ? "Kiln's table; --offline" : "Kiln's table; no mirror");
        }

        try
        {
            using var client = new MirrorClient();
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(ReleaseAvailability.Timeout);
            var text = await client.ReadTextAsync(mirror, $"dists/{release}/Release", patience.Token);
            return text is not null && ReleaseFile.Field(text, "Codename") is { } codename ? (codename, "the mirror's Release file") : (table, "Kiln's table; the mirror has no such suite");
        }
        catch (Exception exception) when (exception is UserInputException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (table, "Kiln's table; the mirror did not answer");
        }
    }

    /// <summary>
    /// The packages of the image as the tasks that choose them add them (the manifest's, the kernel, the bootloader,
    /// the plugins'), run against a context that runs no command.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PackagesOfAsync(BuildSpec spec, Plan plan, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"kiln-summary-{Guid.NewGuid():N}");
        var context = new BuildContext(spec, new BuildPaths(scratch, "kiln-summary", scratch), RefusingRunner.Instance, NullLoggerFactory.Instance);
        foreach (var step in plan.Steps.Where(s => s.Phase == Phase.Preparation && s.Task.Name.StartsWith("Add", StringComparison.Ordinal)
            && !s.Task.Name.Contains("Source", StringComparison.Ordinal) && !s.Task.Name.Contains("Repositor", StringComparison.Ordinal)))
        {
            try
            {
                await step.Task.RunAsync(context, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A task that needs more than the spec (a command, a file) adds its packages only in a real build.
            }
        }

        return [.. context.Packages.Requests.Select(r => r.AptArgument).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A runner for the summary's dry context: no command may run.</summary>
    private sealed class RefusingRunner : ICommandRunner
    {
        public static readonly RefusingRunner Instance = new();

        public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"the summary runs no command ({command})");
    }
}
