using System.CommandLine;

namespace Lede.Cli;

/// <summary>The <c>PATH...</c> argument of the record commands.</summary>
internal static class PathArguments
{
    public static Argument<string[]> Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Record files, or folders searched for *.txt and *.md records",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise be taken for a path and fail as a missing file, not as bad usage.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && !Path.Exists(t.Value)))
            {
                result.AddError($"Unrecognized option '{token.Value}'");
            }
        });
        return paths;
    }
}
