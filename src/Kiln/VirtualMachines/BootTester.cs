using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.VirtualMachines;

/// <summary>
/// Boots an image, waits for the login prompt on the serial console, logs in, runs a command between
/// markers, and powers the VM off: the proof that an image works.
/// </summary>
/// <param name="backend">How the image is booted.</param>
/// <param name="promptStall">
/// How long the console may stay silent after the user name without showing a password prompt before the
/// login is started again (default 20 s).
/// </param>
public sealed partial class BootTester(IBootBackend backend, TimeSpan? promptStall = null)
{
    private const int LoginAttempts = 3;
    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PowerOffGrace = TimeSpan.FromSeconds(60);

    // A prompt is a line the console stops at: nothing more arrives for this long.
    private static readonly TimeSpan PromptQuiet = TimeSpan.FromMilliseconds(700);
    private static readonly TimeSpan DefaultPromptStall = TimeSpan.FromSeconds(20);
    private const int CommandPiece = 1024;

    /// <summary>The serial console as the test saw it, for logs and failure messages.</summary>
    public string Transcript { get; private set; } = string.Empty;

    public async Task<BootTestResult> RunAsync(BootRequest request, BootTestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await backend.InstallAsync(cancellationToken);
        await backend.ConfigureAsync(request, cancellationToken);
        var console = await backend.StartAsync(cancellationToken);
        try
        {
            var result = await DriveAsync(console, options, cancellationToken);
            await backend.StopAsync(result.Succeeded && options.User == "root" ? PowerOffGrace : TimeSpan.Zero, cancellationToken);
            return result;
        }
        finally
        {
            Transcript = console.Transcript;
            await backend.StopAsync(TimeSpan.Zero, CancellationToken.None);
            await backend.CleanupAsync(CancellationToken.None);
        }
    }

    private async Task<BootTestResult> DriveAsync(SerialConsole console, BootTestOptions options, CancellationToken cancellationToken)
    {
        var boot = await console.WaitForAsync(BootMilestone(), options.Timeout, cancellationToken);
        if (boot is null || !boot.Groups["login"].Success)
        {
            var why = boot is null
                ? (console.HasExited ? "QEMU exited" : $"no login prompt within {options.Timeout.TotalSeconds:F0} s")
                : boot.Groups["refused"].Success
                    ? $"the firmware refused to start the bootloader ({boot.Value.Trim()}); under Secure Boot it starts only loaders signed with an enrolled key"
                    : $"the boot failed: {boot.Value.Trim()}";
            return new BootTestResult { Failure = why };
        }

        var result = new BootTestResult { SecondsToLoginPrompt = Math.Round(console.Elapsed.TotalSeconds, 1) };
        if (options.User is null)
        {
            return result;
        }

        if (await SendUserAsync(console, options.User, options.Timeout, cancellationToken) is { } failure)
        {
            return result with { Failure = failure };
        }

        await console.SendLineAsync(options.Password ?? string.Empty);
        var shell = await console.WaitForAsync(ShellOrRefusal(), LoginTimeout, cancellationToken);
        if (shell is null || !shell.Groups["shell"].Success)
        {
            return result with { Failure = shell is null ? "no shell prompt after the password" : "the login was refused (wrong user name or password)" };
        }

        result = result with { SecondsToShell = Math.Round(console.Elapsed.TotalSeconds, 1) };
        if (options.Command is not null)
        {
            result = await RunCommandAsync(console, options, result, cancellationToken);
        }

        await console.SendLineAsync(options.User == "root" ? "poweroff" : "exit");
        return result;
    }

    private static async Task<BootTestResult> RunCommandAsync(SerialConsole console, BootTestOptions options, BootTestResult result, CancellationToken cancellationToken)
    {
        // A tty takes at most 4095 characters per line and drops what a slow guest does not read in time,
        // so the command travels base64-encoded, one acknowledged piece at a time, into a file that a
        // subshell then runs. Markers are printed by printf, so an echo of typed text never looks like them.
        await console.SendLineAsync("stty -echo cols 250; export TERM=dumb PAGER=cat SYSTEMD_PAGER= SYSTEMD_COLORS=0; rm -f /tmp/.kiln-command.b64");
        var pieces = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(options.Command + "\n")).Chunk(CommandPiece).Select(piece => new string(piece)).ToList();
        for (var index = 0; index < pieces.Count; index++)
        {
            await console.SendLineAsync($"printf %s '{pieces[index]}' >> /tmp/.kiln-command.b64; printf 'KILN-%s-%s\\n' ACK {index}");
            if (await console.WaitForAsync(new Regex($"KILN-ACK-{index}\\b"), LoginTimeout, cancellationToken) is null)
            {
                return result with { Failure = "the guest did not take the command" };
            }
        }

        await console.SendLineAsync("printf 'KILN-%s\\n' BEGIN; ( base64 -d /tmp/.kiln-command.b64 > /tmp/.kiln-command && . /tmp/.kiln-command ) </dev/null; printf 'KILN-%s-%s\\n' END \"$?\"; rm -f /tmp/.kiln-command /tmp/.kiln-command.b64");
        var begin = await console.WaitForAsync(BeginMarker(), options.Timeout, cancellationToken);
        if (begin is null)
        {
            return result with { Failure = "the command did not start" };
        }

        var start = begin.Index + begin.Length;
        var end = await console.WaitForAsync(EndMarker(), options.Timeout, cancellationToken);
        if (end is null)
        {
            return result with { Failure = $"the command did not finish within {options.Timeout.TotalSeconds:F0} s" };
        }

        var output = console.Transcript[Math.Min(start, end.Index)..end.Index].Replace("\r", string.Empty, StringComparison.Ordinal);
        var exitCode = int.Parse(end.Groups["code"].Value, CultureInfo.InvariantCulture);
        return result with
        {
            CommandOutput = output,
            CommandExitCode = exitCode,
            Failure = exitCode == 0 ? null : $"the command exited with {exitCode}",
        };
    }

    /// <summary>
    /// Types the user name and waits for the password prompt. Another program writing to the console right then
    /// (cloud-init printing the host keys as the login prompt appears) can bury the prompt: when the console
    /// falls silent without one, an empty answer brings the login prompt back and the name is typed again. That
    /// login prompt is awaited as long as the first one (<paramref name="loginWait"/>, <c>--timeout</c>): a guest
    /// under software emulation can stall for a minute or more right after its first prompt (an arm64 guest under
    /// TCG, its udev workers checking module signatures in software, reported soft lockups of 24 s there).
    /// </summary>
    /// <returns>Null at the password prompt, else why not.</returns>
    private async Task<string?> SendUserAsync(SerialConsole console, string user, TimeSpan loginWait, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await console.SendLineAsync(user);
            if (await console.WaitForPromptAsync(PasswordPrompt(), PromptQuiet, promptStall ?? DefaultPromptStall, LoginTimeout, cancellationToken) is not null)
            {
                return null;
            }

            if (attempt == LoginAttempts || console.HasExited)
            {
                return $"no password prompt after the user name (the console did not stop at a line ending in `:`; tried {attempt} times)";
            }

            await console.SendLineAsync(string.Empty);
            if (await console.WaitForAsync(LoginPrompt(), loginWait, cancellationToken) is null)
            {
                return $"no password prompt after the user name, and no login prompt within {loginWait.TotalSeconds:F0} s after an empty answer";
            }
        }
    }

    [GeneratedRegex(@"\blogin: ")]
    private static partial Regex LoginPrompt();

    [GeneratedRegex(@"(?<login>\blogin: )|(?<panic>Kernel panic[^\n]*|\(initramfs\) |Give root password for maintenance|You are in emergency mode)|(?<refused>[^\n]*: Access Denied|No bootable option or device was found)")]
    private static partial Regex BootMilestone();

    /// <summary>
    /// Any language's password prompt (<c>Password: </c>, <c>Passwort: </c>, <c>Mot de passe : </c>, <c>Password for root: </c>):
    /// the login program waits at a line that ends in a colon, and it is not the login prompt again.
    /// </summary>
    [GeneratedRegex(@"^(?![^\n]*\blogin: ?$)\S[^\n]*[:：] ?$")]
    public static partial Regex PasswordPrompt();

    /// <summary>A shell prompt, or a refusal: "Login incorrect" or, in any language, the login prompt again.</summary>
    [GeneratedRegex(@"(?<shell>[#$] )|(?<refused>Login incorrect|(?m:^)(?!Last )[\w.-]+ login: )")]
    private static partial Regex ShellOrRefusal();

    [GeneratedRegex(@"KILN-BEGIN\r?\n")]
    private static partial Regex BeginMarker();

    [GeneratedRegex(@"KILN-END-(?<code>[0-9]+)")]
    private static partial Regex EndMarker();
}
