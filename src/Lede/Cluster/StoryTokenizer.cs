namespace Lede.Cluster;

/// <summary>Splits text into words with case kept, numbering sentences so capitalised words can be told from sentence starts.</summary>
internal static class StoryTokenizer
{
    public static List<StoryToken> Tokenize(string? text, int firstSentence = 0, int maxTokens = int.MaxValue)
    {
        var tokens = new List<StoryToken>();
        Tokenize(text, tokens, firstSentence, maxTokens);
        return tokens;
    }

    /// <summary>Appends the words of the text to <paramref name="tokens"/>, each a span of the text: nothing is copied.</summary>
    public static void Tokenize(string? text, List<StoryToken> tokens, int firstSentence = 0, int maxTokens = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var added = 0;
        var sentence = firstSentence;
        var atStart = true;
        // A word is always a run of the text: every character either extends it or ends it.
        var start = 0;
        var length = 0;
        for (var i = 0; i <= text.Length && added < maxTokens; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            // A hyphen or a dot between two word characters stays inside the word: GPT-5, 7.1, e-mail.
            var joiner = (c == '-' || (c == '.' && length > 0 && char.IsDigit(text[i - 1])))
                && length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || joiner)
            {
                if (length == 0)
                {
                    start = i;
                }

                length++;
                continue;
            }

            if (length > 0)
            {
                tokens.Add(new StoryToken(text, start, length, sentence, atStart));
                added++;
                length = 0;
                atStart = false;
            }

            if (c is '.' or '!' or '?' or ':' or ';' or '\n' or '|' or '\u2014')
            {
                // Abbreviations like "Rep." end no sentence: a small letter next keeps the sentence going.
                var next = NextLetter(text, i + 1);
                if (c is not '.' || next is null || !char.IsLower(next.Value))
                {
                    if (!atStart)
                    {
                        sentence++;
                    }

                    atStart = true;
                }
            }
        }
    }

    private static char? NextLetter(string text, int from)
    {
        for (var i = from; i < text.Length && i < from + 4; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }
}
