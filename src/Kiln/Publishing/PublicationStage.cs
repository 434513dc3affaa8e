using Kiln.Builds;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;

namespace Kiln.Publishing;

/// <summary>
/// Publishes a finished image: after <c>kiln build</c> for a cloud provider, or later with <c>kiln publish</c>.
/// The publication is a build of its own in the workspace (<c>kiln-ID.lock</c> and <c>kiln-ID.journal</c>): every
/// cloud resource is journaled and pushed on its undo stack as it is made, so a failure or an interrupt deletes
/// it at once, and after a kill <c>kiln clean</c> (or the next build in the workspace) does. The image files stay.
/// </summary>
public sealed partial class PublicationStage(ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("Kiln.Publishing");

    public async Task<PublicationOutcome> RunAsync(IPublisher publisher, PublicationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(request.Workspace);
        var paths = new BuildPaths(request.Workspace, ImageBuilder.NewBuildId(), Path.GetDirectoryName(request.ImagePath)!);
        using var ownership = BuildOwnership.Claim(BuildOwnership.PathFor(paths));
        var journal = new BuildJournal(BuildJournal.PathFor(paths));
        var undo = new UndoStack(loggerFactory.CreateLogger("Kiln.Undo"));
        var run = new PublicationRun(request.ImagePath, request.UploadOnly, undo, journal) { Progress = request.Progress, Announce = request.Announce };
        foreach (var step in publisher.Describe(request.UploadOnly))
        {
            LogStep(step);
        }

        try
        {
            var result = await publisher.PublishAsync(run, cancellationToken);
            run.KeepAll();
            await File.WriteAllTextAsync(request.ResultPath, result.ToJson(), CancellationToken.None);
            File.Delete(journal.Path);
            foreach (var item in result.Items)
            {
                LogPublished(item.ToString());
            }

            return new PublicationOutcome(result, null, Interrupted: false, []);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var interrupted = cancellationToken.IsCancellationRequested && exception is OperationCanceledException;
            if (interrupted)
            {
                LogInterrupted();
            }
            else
            {
                LogFailed(exception.Message, exception);
            }

            // Deleting what was made must finish even when the user presses Ctrl-C again.
            var failures = await undo.UnwindAsync(CancellationToken.None);
            if (failures.Count == 0)
            {
                File.Delete(journal.Path);
            }

            var error = interrupted ? new OperationCanceledException("the publication was interrupted", exception) : exception;
            return new PublicationOutcome(null, error, interrupted, failures);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "publication step: {Step}")]
    private partial void LogStep(string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "published: {Item}")]
    private partial void LogPublished(string item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the publication was interrupted; deleting what it made")]
    private partial void LogInterrupted();

    [LoggerMessage(Level = LogLevel.Error, Message = "the publication failed: {Error}")]
    private partial void LogFailed(string error, Exception exception);
}
