namespace Kiln.Publishing;

/// <summary>
/// One cloud's seam: it connects with the credentials, region and endpoints read the way that cloud's own CLI
/// and SDK read them, and gives back what a publication left when its process is gone.
/// </summary>
public interface ICloud
{
    /// <summary>The name publication records and journals use (<c>ec2</c>).</summary>
    string Name { get; }

    /// <summary>A publisher for the record; a <see cref="UserInputException"/> that says what to set when credentials or settings are missing.</summary>
    IPublisher Connect(PublicationRecord record, CloudAccess access);

    /// <summary>Deletes a resource a killed or failed publication created (idempotent: one that is gone is no error).</summary>
    Task ReclaimAsync(CloudResource resource, CloudAccess access, CancellationToken cancellationToken);
}
