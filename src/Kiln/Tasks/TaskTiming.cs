namespace Kiln.Tasks;

/// <summary>How long one task ran.</summary>
public sealed record TaskTiming(string Task, Phase Phase, TimeSpan Elapsed);
