using System.Globalization;

namespace Kiln.Remote;

/// <summary>
/// Where ssh connects to: <c>[user@]host[:port]</c>, with an IPv6 address in brackets (<c>[::1]:2222</c>) or an
/// <c>ssh://</c> address. The host may be an alias of the user's SSH configuration; user and port are then left
/// to that configuration.
/// </summary>
public sealed record SshDestination(string? User, string Host, int? Port)
{
    /// <summary>The destination argument of ssh: <c>user@host</c> or <c>host</c> (the port goes to <c>-p</c>).</summary>
    public string Target => User is null ? Host : $"{User}@{Host}";

    public static SshDestination Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        if (rest.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["ssh://".Length..].TrimEnd('/');
        }

        if (rest.Length == 0)
        {
            throw Invalid(text, "it is empty");
        }

        string? user = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            user = rest[..at];
            rest = rest[(at + 1)..];
            if (user.Length == 0 || !user.All(IsUserCharacter))
            {
                throw Invalid(text, $"`{user}` is not a user name");
            }
        }

        var (host, port) = SplitPort(text, rest);
        if (host.Length == 0 || host.StartsWith('-') || !host.All(IsHostCharacter))
        {
            throw Invalid(text, $"`{host}` is not a host name or address");
        }

        return new SshDestination(user, host, port);
    }

    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var withUser = User is null ? host : $"{User}@{host}";
        return Port is { } port ? $"{withUser}:{port.ToString(CultureInfo.InvariantCulture)}" : withUser;
    }

    private static (string Host, int? Port) SplitPort(string text, string rest)
    {
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(text, "the `[` of an IPv6 address is not closed");
            }

            var after = rest[(close + 1)..];
            return (rest[1..close], after.Length == 0 ? null : after.StartsWith(':') ? ParsePort(text, after[1..]) : throw Invalid(text, $"`{after}` after the address is not a port"));
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (rest, null);
        }

        if (rest.IndexOf(':', colon + 1) >= 0)
        {
            throw Invalid(text, "an IPv6 address needs brackets, as in [2001:db8::1]:22");
        }

        return (rest[..colon], ParsePort(text, rest[(colon + 1)..]));
    }

    private static int ParsePort(string text, string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? number
            : throw Invalid(text, $"`{port}` is not a port (1 to 65535)");

    private static bool IsUserCharacter(char character) => char.IsAsciiLetterOrDigit(character) || "._-$".Contains(character, StringComparison.Ordinal);

    private static bool IsHostCharacter(char character) => char.IsAsciiLetterOrDigit(character) || ".-_:%".Contains(character, StringComparison.Ordinal);

    private static UserInputException Invalid(string text, string reason) =>
        new($"`{text}` is not an SSH destination ({reason}); write user@server, user@server:port or an alias of your SSH configuration");
}
