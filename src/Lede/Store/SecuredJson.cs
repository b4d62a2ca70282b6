using System.Text.Json.Serialization;

namespace Lede.Store;

/// <summary>Source-generated JSON for the plaintext inside a secured payload.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SecuredPayload))]
internal sealed partial class SecuredJson : JsonSerializerContext;
