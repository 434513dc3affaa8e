using System.Text;

namespace Kiln.Cli.Output;

/// <summary>kiln(1) in roff, generated from the same command tree as <c>--help</c>.</summary>
public static class ManPage
{
    public static string Render(CommandReference root, string version)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        text.Append(".TH KILN 1 \"\" \"kiln ").Append(Escape(version)).Append("\" \"User Commands\"\n");
        text.Append(".SH NAME\nkiln \\- build bootable Debian disk images from bootstrap\\-vz manifests\n");
        text.Append(".SH SYNOPSIS\n.B kiln\n.I command\n.RI [ arguments ]\n.RI [ options ]\n");
        text.Append(".SH DESCRIPTION\n").Append(Escape(root.Description)).Append('\n');
        text.Append(".PP\nA manifest is YAML or JSON in bootstrap\\-vz's format; see the manifest reference in /usr/share/doc/kiln.\n");
        text.Append(".SH COMMANDS\n");
        foreach (var verb in root.Verbs)
        {
            text.Append(".SS \"").Append(Escape(verb.Usage(root.Name))).Append("\"\n").Append(Escape(verb.Description)).Append('\n');
            foreach (var argument in verb.Arguments)
            {
                text.Append(".TP\n.I ").Append(Escape(argument.Name.ToUpperInvariant())).Append('\n').Append(Escape(argument.Description)).Append('\n');
            }

            foreach (var option in verb.Options)
            {
                text.Append(".TP\n").Append(OptionHead(option)).Append('\n').Append(Escape(option.Description)).Append('\n');
            }
        }

        text.Append(".SH GLOBAL OPTIONS\n");
        foreach (var option in root.Options)
        {
            text.Append(".TP\n").Append(OptionHead(option)).Append('\n').Append(Escape(option.Description)).Append('\n');
        }

        text.Append(".SH EXIT STATUS\n");
        foreach (var (code, meaning) in CommandReference.ExitCodes)
        {
            text.Append(".TP\n.B ").Append(code).Append('\n').Append(Escape(meaning)).Append('\n');
        }

        text.Append(".PP\n.B kiln doctor\nexits 0 when the host can build, 2 when a required tool is missing and cannot be installed (not root, or not Debian).\n");
        text.Append(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nNo colors with \\-\\-color auto.\n.TP\n.B KILN_PLUGIN_PATH\nColon\\-separated directories of plugin assemblies.\n");
        text.Append(".SH FILES\n.TP\n.I /var/tmp/kiln\nThe default workspace: build directories, logs in logs/, journals and locks of running builds.\n");
        text.Append(".SH SEE ALSO\n.BR mmdebstrap (1),\n.BR debootstrap (8),\n.BR qemu\\-img (1)\n");
        return text.ToString();
    }

    private static string OptionHead(OptionReference option)
    {
        var names = string.Join(", ", option.Aliases.Prepend(option.Name).Distinct(StringComparer.Ordinal).Select(n => $"\\fB{Escape(n)}\\fR"));
        return option.Value is null ? names : $"{names} \\fI{Escape(option.Value)}\\fR";
    }

    /// <summary>Text made safe for roff: backslashes, hyphens, and a dot or quote at the start of a line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
