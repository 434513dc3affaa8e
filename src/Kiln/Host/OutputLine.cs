namespace Kiln.Host;

/// <summary>One line a command wrote, and whether it came on its standard error.</summary>
public sealed record OutputLine(string Text, bool IsError);
