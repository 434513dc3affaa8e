using Kiln.Tasks;

namespace Kiln.Plugins.Ansible;

/// <summary>Adds Python 3 to the image: Ansible's modules run with the image's own Python.</summary>
public sealed class AddAnsiblePython : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding Python for Ansible's modules";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("python3");
        return Task.CompletedTask;
    }
}
