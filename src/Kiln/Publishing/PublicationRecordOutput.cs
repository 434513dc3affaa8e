using Kiln.Specs;

namespace Kiln.Publishing;

/// <summary>The publication record beside a cloud image: what <c>kiln publish</c> reads.</summary>
public sealed record PublicationRecordOutput(string Path) : BuildOutput
{
    public override string Kind => "publication record";

    public override string Location => Path;
}
