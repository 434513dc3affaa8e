namespace Kiln.Plugins.Debconf;

/// <summary>A problem in the debconf text: the line (0-based, where its selection starts) and the column in it (0-based).</summary>
public sealed record DebconfProblem(int Line, int Column, string Message);
