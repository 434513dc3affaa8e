namespace Kiln.Caching;

/// <summary>What <c>kiln clean --cache</c> did: trees removed, trees left because a build uses them, bytes given back.</summary>
public sealed record CacheCleaning(int Removed, int InUse, long Bytes);
