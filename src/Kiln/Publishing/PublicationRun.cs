using Kiln.Tasks;

namespace Kiln.Publishing;

/// <summary>
/// One publication under way: the image, whether to stop after the upload, and the undo stack and journal every
/// resource is registered in the moment it is made, so a failure, an interrupt or <c>kiln clean</c> after a kill
/// deletes what the publication made and nothing else.
/// </summary>
public sealed class PublicationRun(string imagePath, bool uploadOnly, UndoStack undo, BuildJournal journal)
{
    private readonly List<UndoEntry> _kept = [];
    private readonly Lock _lock = new();

    public string ImagePath { get; } = imagePath;

    public bool UploadOnly { get; } = uploadOnly;

    public UndoStack Undo { get; } = undo;

    public BuildJournal Journal { get; } = journal;

    public IProgress<TransferProgress> Progress { get; init; } = new Progress<TransferProgress>();

    /// <summary>Shows a message to the user right away.</summary>
    public Action<string> Announce { get; init; } = _ => { };

    /// <summary>
    /// Records a resource in the journal (before it is made, where its name is known beforehand) and pushes its
    /// deletion. The returned entry deletes it early (a temporary upload) when released.
    /// </summary>
    public UndoEntry Track(CloudResource resource, Func<CancellationToken, Task> delete)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Journal.Record(new Acquisition(Acquisition.Cloud, resource.ToJournalText()));
        var entry = Undo.Push($"delete the {resource}", delete);
        lock (_lock)
        {
            _kept.Add(entry);
        }

        return entry;
    }

    /// <summary>The publication succeeded: what it made stays in the cloud.</summary>
    public void KeepAll()
    {
        lock (_lock)
        {
            foreach (var entry in _kept)
            {
                entry.Dismiss();
            }

            _kept.Clear();
        }
    }
}
