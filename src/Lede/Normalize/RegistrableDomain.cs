namespace Lede.Normalize;

/// <summary>A host's registrable domain (eTLD+1) in ASCII and Unicode form, or null with the reason.</summary>
/// <param name="Domain">Punycode form, lowercase (<c>bbc.co.uk</c>, <c>xn--85x722f.com.cn</c>).</param>
/// <param name="UnicodeDomain">The same domain for display (<c>食狮.com.cn</c>).</param>
/// <param name="PublicSuffix">The suffix under which it is registered, ASCII form.</param>
/// <param name="IsPrivateSuffix">True when the suffix comes from the list's private section (e.g. <c>github.io</c>).</param>
/// <param name="Problem">Why there is no registrable domain, when there is none.</param>
public sealed record RegistrableDomain(string? Domain, string? UnicodeDomain, string? PublicSuffix, bool IsPrivateSuffix, string? Problem);
