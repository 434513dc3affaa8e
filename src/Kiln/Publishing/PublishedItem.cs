namespace Kiln.Publishing;

/// <summary>One thing a publication made: its kind (<c>image</c>), its id in the cloud and where it is (region, URL).</summary>
public sealed record PublishedItem(string Kind, string Id, string Location)
{
    public override string ToString() => $"{Kind} {Id} ({Location})";
}
