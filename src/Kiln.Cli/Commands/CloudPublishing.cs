using System.CommandLine;
using Kiln.Cli.Output;
using Kiln.Publishing;
using Kiln.Specs;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// The publication of a cloud image from the command line: connected and checked before anything is built (bad or
/// missing credentials stop <c>kiln build</c> with exit 2), run once the image files are in place, with upload progress.
/// </summary>
public sealed class CloudPublishing : IDisposable
{
    /// <summary><c>kiln build --no-publish</c>: a cloud image stops at its files (kiln publish publishes them later).</summary>
    public static readonly Option<bool> NoPublishOption = new("--no-publish") { Description = "For a cloud provider (ec2): stop at the image files; kiln publish OUTPUT_DIR publishes them later" };

    private readonly IPublisher _publisher;
    private readonly PublicationRecord _record;
    private readonly LogSetup _logging;

    private CloudPublishing(IPublisher publisher, PublicationRecord record, LogSetup logging)
    {
        _publisher = publisher;
        _record = record;
        _logging = logging;
    }

    /// <summary>The publication a build of <paramref name="spec"/> ends with, or null (not a cloud provider, or --no-publish).</summary>
    public static async Task<CloudPublishing?> ForBuildAsync(BuildSpec spec, bool noPublish, bool dryRun, LogSetup logging, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(terminal);
        if (noPublish || spec.Provider is not ICloudProvider provider)
        {
            return null;
        }

        var credentials = provider.ManifestCredentials(spec);
        foreach (var secret in credentials.Where(c => c.Key is "secret-key" or "session-token" or "connection-string").Select(c => c.Value))
        {
            logging.Secrets.Add(secret);
        }

        var record = provider.DescribePublication(spec);
        var access = new CloudAccess { ManifestCredentials = credentials, Secrets = logging.Secrets, LoggerFactory = logging.Factory };
        if (dryRun)
        {
            terminal.Plain($"then publishing to {record.Cloud} (kiln build --no-publish stops before):");
            try
            {
                using var described = provider.Cloud.Connect(record, access);
                foreach (var step in described.Describe(uploadOnly: false))
                {
                    terminal.Plain($"  - {step}");
                }
            }
            catch (UserInputException exception)
            {
                terminal.Plain($"  (not possible yet: {exception.Message})");
            }

            return null;
        }

        var publishing = new CloudPublishing(provider.Cloud.Connect(record, access), record, logging);
        try
        {
            await publishing._publisher.CheckAsync(cancellationToken);
        }
        catch
        {
            publishing.Dispose();
            throw;
        }

        return publishing;
    }

    /// <summary>Several manifests build side by side, but a cloud image is published from a run of its own.</summary>
    public static void RefuseInBatch(IEnumerable<BuildSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var clouds = specs.Where(spec => spec.Provider is ICloudProvider).Select(spec => spec.Manifest.Name).ToList();
        if (clouds.Count > 0)
        {
            throw new UserInputException($"{string.Join(", ", clouds)} would be published, which kiln build does for one manifest at a time; add --no-publish and run kiln publish OUTPUT_DIR for each image");
        }
    }

    /// <summary>The publication of a built image (<c>kiln publish</c>): its record, the cloud's credentials from the environment.</summary>
    public static async Task<(CloudPublishing Publishing, string Image)> ForOutputAsync(string outputDirectory, bool uploadOnly, LogSetup logging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var (record, path) = PublicationRecord.ReadFrom(Path.GetFullPath(outputDirectory));
        var image = Path.Combine(Path.GetDirectoryName(path)!, record.Image);
        if (!File.Exists(image))
        {
            throw new UserInputException($"{path} names the image {record.Image}, which is not in {Path.GetDirectoryName(path)}; build it again");
        }

        var cloud = Clouds.Require(record.Cloud);
        var publishing = new CloudPublishing(cloud.Connect(record, new CloudAccess { Secrets = logging.Secrets, LoggerFactory = logging.Factory }), record, logging);
        try
        {
            if (!uploadOnly)
            {
                await publishing._publisher.CheckAsync(cancellationToken);
            }
        }
        catch
        {
            publishing.Dispose();
            throw;
        }

        return (publishing, image);
    }

    /// <summary>Publishes; returns the exit code (0 published, 1 failed, 2 bad input, 130 interrupted), having said what happened.</summary>
    public async Task<int> RunAsync(string image, string workspace, bool uploadOnly, Terminal terminal, Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(interruption);
        // The image files are in place for good; from here a signal undoes the publication only.
        interruption.IsCommitted = () => false;
        terminal.Line($"publishing [bold]{Markup.Escape(_record.Name)}[/] to {Markup.Escape(_record.Cloud)}{(uploadOnly ? " (upload only)" : string.Empty)}");
        var request = new PublicationRequest(image, workspace, uploadOnly)
        {
            Progress = new UploadProgressLines(terminal),
            Announce = message => terminal.Line($"[blue]note:[/] {Markup.Escape(message)}"),
        };
        var outcome = await new PublicationStage(_logging.Factory).RunAsync(_publisher, request, interruption.Token);
        if (outcome.Result is { } result)
        {
            foreach (var item in result.Items)
            {
                terminal.Line($"[green]published[/] {Markup.Escape(item.ToString())}");
            }

            terminal.Plain($"recorded in {request.ResultPath}");
        }
        else if (outcome.Interrupted)
        {
            Terminal.Error("the publication was interrupted; what it had made in the cloud was deleted, the image files stay");
        }
        else
        {
            Terminal.Error(outcome.Error!.Message);
            Terminal.Error(outcome.UndoFailures.Count == 0
                ? "what the publication had made in the cloud was deleted; the image files stay (kiln publish publishes them again)"
                : $"deleting what the publication made failed {outcome.UndoFailures.Count} time(s) ({outcome.UndoFailures[0].Message}); kiln clean {workspace} tries again");
            if (_logging.LogFile is not null)
            {
                Console.Error.WriteLine($"kiln: the full log is in {_logging.LogFile}");
            }
        }

        return outcome.ExitCode;
    }

    public void Dispose() => _publisher.Dispose();
}
