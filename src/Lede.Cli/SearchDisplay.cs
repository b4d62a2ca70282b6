using System.Globalization;
using System.Text;
using Lede.Store;
using Spectre.Console;

namespace Lede.Cli;

/// <summary>Prints search hits one block each: bold matches on a terminal, <c>[word]</c> elsewhere.</summary>
/// <remarks>Titles and snippets come from feeds: control characters (terminal escapes among them) never reach the output, and on a terminal everything is escaped for Spectre markup.</remarks>
internal static class SearchDisplay
{
    public static void Print(IReadOnlyList<SearchHit> hits)
    {
        var terminal = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Ansi;
        foreach (var hit in hits)
        {
            var snippet = SearchSnippet.Parse(hit.Snippet);
            var published = hit.Published ? "published" : "not published";
            var facts = $"{Inert(hit.ProviderName)} · {hit.PublishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z · {hit.Id} · {published}";
            if (terminal)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Inert(hit.Title))}[/]");
                AnsiConsole.MarkupLine($"  [dim]{Markup.Escape(facts)}[/]");
                AnsiConsole.MarkupLine($"  {Markup.Escape(Inert(hit.WebUrl))}");
                AnsiConsole.MarkupLine($"  {snippet.Render(w => $"[bold]{Markup.Escape(Inert(w))}[/]", p => Markup.Escape(Inert(p)))}");
                AnsiConsole.WriteLine();
            }
            else
            {
                Console.WriteLine(Inert(hit.Title));
                Console.WriteLine($"  {facts}");
                Console.WriteLine($"  {Inert(hit.WebUrl)}");
                Console.WriteLine($"  {snippet.Render(w => $"[{Inert(w)}]", Inert)}");
                Console.WriteLine();
            }
        }

        Console.WriteLine(hits.Count == 1 ? "1 hit" : $"{hits.Count} hits");
    }

    // Feed text may hold line breaks and escape sequences: each control character becomes a space.
    private static string Inert(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
