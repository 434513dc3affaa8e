using Kiln.Common.Volume;
using Kiln.Tasks;

namespace Kiln.Publishing;

/// <summary>Writes the publication record beside a cloud image, so <c>kiln publish</c> can publish it later (and <c>kiln build</c> right after).</summary>
public sealed class WritePublicationRecord : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the image's publication record";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConvertImage)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Spec.Outputs.All.OfType<PublicationRecordOutput>().Single();
        var provider = (ICloudProvider)context.Spec.Provider;
        var record = provider.DescribePublication(context.Spec);
        await File.WriteAllTextAsync(context.Outputs.Begin(context, output, output.Path), record.ToJson(), cancellationToken);
    }
}
