namespace Kiln.Platforms;

/// <summary>Why a platform cannot boot, and the <c>system</c> key the user would change (<c>firmware</c>, <c>bootloader</c>, <c>release</c>).</summary>
public sealed record PlatformProblem(string Key, string Message);
