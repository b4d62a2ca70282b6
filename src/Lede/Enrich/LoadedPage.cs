using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>What the loader made of a page: the document (never null) and what it had to cap or guess.</summary>
public sealed record LoadedPage(IDocument Document, IReadOnlyList<string> Warnings);
