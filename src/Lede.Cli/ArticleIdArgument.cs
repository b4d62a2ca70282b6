using System.CommandLine;
using Lede.Normalize;

namespace Lede.Cli;

/// <summary>The <c>ID</c> argument of the commands that act on one article.</summary>
internal static class ArticleIdArgument
{
    public static Argument<string> Create() => new("ID") { Description = "The article's id (16 hex digits, as in record file names)" };

    /// <exception cref="CliException">The text is not an article id.</exception>
    public static ArticleId Parse(string text)
        => ArticleId.TryParse(text, out var id) ? id : throw new CliException($"'{text}' is not an article id (16 hex digits)");
}
