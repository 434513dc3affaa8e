namespace Kiln.Tasks;

/// <summary>A program a task runs on the host, and the Debian package that provides it.</summary>
public sealed record HostTool(string Command, string Package);
