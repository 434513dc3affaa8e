namespace Kiln.Cli.Output;

/// <summary>Where live progress is drawn: the real terminal, or a fake one in tests.</summary>
public interface IConsoleSurface
{
    /// <summary>A terminal that takes cursor movements (else: plain lines only).</summary>
    bool IsInteractive { get; }

    bool UsesColor { get; }

    int Width { get; }

    /// <summary>Writes text as it is, control sequences included.</summary>
    void Raw(string text);
}
