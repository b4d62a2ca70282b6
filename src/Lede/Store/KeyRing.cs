namespace Lede.Store;

/// <summary>The keys Lede can open payloads with; the last one seals new payloads.</summary>
/// <remarks>
/// A key file holds one base64 master key per line (blank lines and <c>#</c> comments ignored); rotation appends a
/// line, and older lines stay until nothing is sealed with them. <c>LEDE_SECURED_KEY</c> (one base64 key) outranks
/// the file. Keys never come from the database or a record.
/// </remarks>
public sealed class KeyRing
{
    /// <summary>The environment variable that holds a key.</summary>
    public const string EnvironmentVariable = "LEDE_SECURED_KEY";

    private readonly List<SecuredKey> _keys;

    public KeyRing(IEnumerable<SecuredKey> keys)
    {
        _keys = [.. keys];
        if (_keys.Count == 0)
        {
            throw new ArgumentException("a key ring needs at least one key", nameof(keys));
        }
    }

    /// <summary>The key new payloads are sealed with.</summary>
    public SecuredKey Current => _keys[^1];

    /// <summary>Every key, oldest first.</summary>
    public IReadOnlyList<SecuredKey> Keys => _keys;

    /// <summary>The key with <paramref name="id"/>, or null.</summary>
    public SecuredKey? Find(string id) => _keys.Find(k => k.Id == id);

    /// <summary>Reads a key file's text; the error names the line (never its content).</summary>
    public static KeyRing Parse(string text, string path)
    {
        var keys = new List<SecuredKey>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!SecuredKey.TryParse(line, out var key, out var error))
            {
                throw new SecuredPayloadException($"{path}:{i + 1}: not a key: {error}");
            }

            keys.Add(key!);
        }

        return keys.Count > 0 ? new KeyRing(keys) : throw new SecuredPayloadException($"{path}: holds no key");
    }

    /// <summary>The ring from <c>LEDE_SECURED_KEY</c> when set, else from <paramref name="keyFile"/>, else null when neither exists.</summary>
    public static KeyRing? Load(string keyFile, Func<string, string?>? environment = null)
    {
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return SecuredKey.TryParse(fromEnvironment, out var key, out var error)
                ? new KeyRing([key!])
                : throw new SecuredPayloadException($"{EnvironmentVariable}: not a key: {error}");
        }

        return File.Exists(keyFile) ? Parse(File.ReadAllText(keyFile), keyFile) : null;
    }
}
