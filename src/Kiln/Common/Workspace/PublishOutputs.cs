using Kiln.Tasks;

namespace Kiln.Common.Workspace;

/// <summary>
/// The last step of a build: renames every output from its temporary name into place. Until here an interrupt
/// or a failure leaves no file under a final name; from here on the build is done and a signal undoes nothing.
/// </summary>
public sealed class PublishOutputs : BuildTask
{
    public override Phase Phase => Phase.Cleaning;

    public override string Description => "Putting the outputs in place";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        context.Artifacts.AddRange(context.Outputs.Publish());
        context.Published = true;
        return Task.CompletedTask;
    }
}
