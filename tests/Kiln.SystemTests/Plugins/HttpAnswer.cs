namespace Kiln.SystemTests.Plugins;

/// <summary>What <see cref="LoopbackHttpServer"/> sends for a path.</summary>
public sealed record HttpAnswer(byte[] Body, string ContentType);
