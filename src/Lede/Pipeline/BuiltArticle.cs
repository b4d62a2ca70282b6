using Lede.Classify;
using Lede.Records;
using Lede.Store;

namespace Lede.Pipeline;

/// <summary>A new article after enrich, normalize and classify: what the story stages start from.</summary>
/// <param name="Record">The record so far (no story, quality, heat or decision yet).</param>
/// <param name="Seal">The sealed full text, when a key is present.</param>
/// <param name="FullText">The main text (empty when the page gave none).</param>
/// <param name="Topics">The topic scores behind <c>Record.Topics</c>; null when the feed's topics were kept.</param>
/// <param name="Facts">What quality scoring needs beyond the record.</param>
public sealed record BuiltArticle(ArticleRecord Record, SealedPayload? Seal, string FullText, TopicClassification? Topics, ArticleFacts Facts);
