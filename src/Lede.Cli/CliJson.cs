using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lede.Cli;

/// <summary>JSON as every command prints it: camelCase, UTF-8 text as itself, no nulls dropped.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
