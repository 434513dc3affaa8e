using System.Net.Sockets;
using Kiln.Tasks;

namespace Kiln.Plugins.AptProxy;

/// <summary>
/// Checks that the proxy accepts connections before anything is built: otherwise the bootstrap would fail
/// minutes later with apt's download errors (bootstrap-vz only warned).
/// </summary>
public sealed class CheckAptProxy : BuildTask
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public override Phase Phase => Phase.Validation;

    public override string Description => "Checking that the apt proxy can be reached";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<AptProxySettings>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(settings.Address.Trim('[', ']'), settings.Port, timeout.Token);
        }
        catch (Exception exception) when (exception is SocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = exception is SocketException socket ? socket.Message : $"no answer within {Timeout.TotalSeconds:0} s";
            throw new UserInputException($"the apt proxy {settings.DisplayUrl} cannot be reached ({reason}); start it, or correct plugins.apt_proxy", exception);
        }
    }
}
