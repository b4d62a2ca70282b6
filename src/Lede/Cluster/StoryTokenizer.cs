using System.Text;

namespace Lede.Cluster;

/// <summary>Splits text into words with case kept, numbering sentences so capitalised words can be told from sentence starts.</summary>
internal static class StoryTokenizer
{
    public static List<StoryToken> Tokenize(string? text, int firstSentence = 0, int maxTokens = int.MaxValue)
    {
        var tokens = new List<StoryToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var sentence = firstSentence;
        var atStart = true;
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length && tokens.Count < maxTokens; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            // A hyphen or a dot between two word characters stays inside the word: GPT-5, 7.1, e-mail.
            var joiner = (c == '-' || (c == '.' && word.Length > 0 && char.IsDigit(word[^1])))
                && word.Length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || joiner)
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(new StoryToken(word.ToString(), sentence, atStart));
                word.Clear();
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

        return tokens;
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
