using System.Globalization;
using System.Reflection;

namespace Lede.Storage.Migrations;

/// <summary>One numbered, forward-only schema change, shipped inside the assembly.</summary>
/// <param name="Version">The number in the file name; scripts apply in this order, each once.</param>
/// <param name="Name">The file name without the number.</param>
/// <param name="Sql">The script.</param>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The scripts of one store dialect (<c>Sqlite</c>, <c>Postgres</c>), in version order.</summary>
    public static IReadOnlyList<MigrationScript> For(string dialect)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"Lede.Storage.Migrations.{dialect}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture);
            scripts.Add(new MigrationScript(version, file[(underscore + 1)..], Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
