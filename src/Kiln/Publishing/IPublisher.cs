namespace Kiln.Publishing;

/// <summary>Publishes one image to its cloud: checks first, then uploads, imports and registers, undoing what it made if it fails.</summary>
public interface IPublisher : IDisposable
{
    /// <summary>The steps, as a dry run and the log show them.</summary>
    IReadOnlyList<string> Describe(bool uploadOnly);

    /// <summary>
    /// Checks before anything is built or uploaded that the credentials are accepted and the target can take the
    /// image; a <see cref="UserInputException"/> saying what to fix otherwise.
    /// </summary>
    Task CheckAsync(CancellationToken cancellationToken);

    Task<PublicationResult> PublishAsync(PublicationRun run, CancellationToken cancellationToken);
}
