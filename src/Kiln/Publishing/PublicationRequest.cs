namespace Kiln.Publishing;

/// <summary>One publication of a finished image: where it is, where the publication keeps its lock and journal, what to report to.</summary>
public sealed record PublicationRequest(string ImagePath, string Workspace, bool UploadOnly)
{
    public IProgress<TransferProgress> Progress { get; init; } = new Progress<TransferProgress>();

    public Action<string> Announce { get; init; } = _ => { };

    /// <summary>Where the result goes: <c>NAME.published.json</c> beside the image.</summary>
    public string ResultPath => Path.Combine(Path.GetDirectoryName(ImagePath)!, PublishedName(Path.GetFileName(ImagePath)) + PublicationResult.Extension);

    private static string PublishedName(string image) => image.EndsWith(".tar.gz", StringComparison.Ordinal) ? image[..^".tar.gz".Length] : Path.GetFileNameWithoutExtension(image);
}
