namespace Lede.Store;

/// <summary>A secured payload Lede cannot open: no such key, tampered or truncated; the message names the article and what was wrong.</summary>
public sealed class SecuredPayloadException(string message) : Exception(message);
