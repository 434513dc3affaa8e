using Kiln.Tasks;

namespace Kiln.Common.Ssh;

/// <summary>Adds the OpenSSH server.</summary>
public sealed class AddSshServer : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the OpenSSH server";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("openssh-server");
        return Task.CompletedTask;
    }
}
