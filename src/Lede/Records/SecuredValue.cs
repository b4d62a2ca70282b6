namespace Lede.Records;

/// <summary>The encrypted private payload of a record: base64 ciphertext and base64 IV, kept as written.</summary>
/// <remarks>
/// Both parts keep their exact base64 text so that a record imported without its key is written back
/// unchanged. <see cref="TryParse"/> checks the shape (AES block sizes) without needing any key.
/// </remarks>
/// <param name="Ciphertext">Base64 of the AES-CBC ciphertext, a whole number of 16-byte blocks.</param>
/// <param name="Iv">Base64 of the 16-byte IV.</param>
public sealed record SecuredValue(string Ciphertext, string Iv)
{
    private const int AesBlockSize = 16;

    /// <summary>The value as the record writes it: <c>ciphertext;iv</c>.</summary>
    public override string ToString() => $"{Ciphertext};{Iv}";

    /// <summary>Splits and checks a <c>ciphertext;iv</c> value; the error says what is wrong with it.</summary>
    public static bool TryParse(string text, out SecuredValue? value, out string? error)
    {
        value = null;
        var parts = text.Split(';');
        if (parts.Length != 2)
        {
            error = "expected '<base64 ciphertext>;<base64 IV>'";
            return false;
        }

        if (!TryDecodedLength(parts[0], out var cipherLength) || cipherLength == 0 || cipherLength % AesBlockSize != 0)
        {
            error = "expected the ciphertext to be base64 of whole 16-byte AES blocks";
            return false;
        }

        if (!TryDecodedLength(parts[1], out var ivLength) || ivLength != AesBlockSize)
        {
            error = "expected the IV to be base64 of 16 bytes";
            return false;
        }

        value = new SecuredValue(parts[0], parts[1]);
        error = null;
        return true;
    }

    private static bool TryDecodedLength(string base64, out int length)
    {
        var buffer = new byte[(base64.Length / 4 * 3) + 3];
        var ok = Convert.TryFromBase64String(base64, buffer, out length);
        return ok && base64.Length > 0 && !base64.Any(char.IsWhiteSpace);
    }
}
