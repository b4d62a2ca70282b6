namespace Lede.Cluster;

/// <summary>One word of a text with its case kept and where it sits in its sentence.</summary>
internal readonly record struct StoryToken(string Text, int Sentence, bool SentenceStart)
{
    public string Lower { get; } = Text.ToLowerInvariant();

    public bool IsCapitalized => char.IsUpper(Text[0]) && Text.Any(char.IsLower);

    /// <summary>All capitals with at least two letters: ECB, GM, NASA.</summary>
    public bool IsAcronym => Text.Count(char.IsLetter) >= 2 && !Text.Any(char.IsLower);

    /// <summary>Letters with digits (H100, GPT-5) or a capital after a small letter (iOS, McDonald).</summary>
    public bool IsProduct
    {
        get
        {
            var letters = Text.Any(char.IsLetter);
            if (letters && Text.Any(char.IsDigit))
            {
                return true;
            }

            for (var i = 1; i < Text.Length; i++)
            {
                if (char.IsUpper(Text[i]) && char.IsLower(Text[i - 1]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
