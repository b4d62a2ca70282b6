namespace Lede.Cluster;

/// <summary>The words story clustering ignores and the light stemming that makes "recalls" match "recall".</summary>
internal static class StoryWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours", "said", "says", "say", "new", "one", "two", "like", "get",
        "got", "may", "might", "must", "us", "yet", "via", "per", "mr", "mrs", "ms", "dr", "s", "t", "re", "ll", "ve",
        "d", "m", "don", "didn", "doesn", "isn", "wasn", "aren", "won", "can't", "let", "make", "made", "many", "much",
        "well", "even", "still", "back", "first", "last", "year", "years", "day", "days", "time", "week", "according",
        "told", "since", "among", "around", "another", "way", "take", "see", "watch", "here's", "what's", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "update",
        "updated", "posted", "video", "videos", "photo", "photos", "pm", "am", "et", "gmt", "utc",
    };

    // Capitalised words that are not names of anything a story is about.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "update",
        "breaking", "exclusive", "watch", "review", "opinion", "analysis", "live", "report", "news",
    };

    /// <summary>True for function words and other words that say nothing about which event an article covers.</summary>
    public static bool IsStop(string lower) => lower.Length < 2 || Stop.Contains(lower);

    /// <summary>True for capitalised words that name no person, place, organisation or product: months, rubrics.</summary>
    public static bool IsNotName(string lower) => NotNames.Contains(lower);

    /// <summary>True for a four-digit year from 1900 to 2099: "2013" dates what a report tells.</summary>
    public static bool IsYear(ReadOnlySpan<char> word)
        => word.Length == 4 && ((word[0] == '1' && word[1] == '9') || (word[0] == '2' && word[1] == '0'))
            && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]);

    /// <summary>Folds plural and third-person endings: "recalls" → "recall", "companies" → "company".</summary>
    public static string Stem(string lower)
    {
        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(lower.AsSpan(0, lower.Length - 3), "y");
        }

        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] is not ('s' or 'u' or 'i' or 'a') && char.IsLetter(lower[^2]))
        {
            return lower[..^1];
        }

        return lower;
    }
}
