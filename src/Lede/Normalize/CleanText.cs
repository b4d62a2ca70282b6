namespace Lede.Normalize;

/// <summary>Cleaned display text and what the cleaner changed on the way.</summary>
public sealed record CleanText(string Text, bool RepairedMojibake);
