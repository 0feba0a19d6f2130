using System.Globalization;
using System.Text.Json.Serialization;

namespace OpenIsms.Core.Activity;

/// <summary>A signed statement, kept outside the database, that the log reached entry <see cref="Sequence"/> with <see cref="Hash"/>.</summary>
public sealed record ActivityCheckpoint
{
    [JsonPropertyName("sequence")]
    public long Sequence { get; init; }

    [JsonPropertyName("hash")]
    public string Hash { get; init; } = "";

    [JsonPropertyName("at")]
    public DateTime At { get; init; }

    [JsonPropertyName("keyId")]
    public string KeyId { get; init; } = "";

    [JsonPropertyName("signature")]
    public string Signature { get; init; } = "";

    /// <summary>The exact text signed, so that anyone with the public key can check a checkpoint (openssl dgst -sha256 -verify).</summary>
    public string Payload => Text(Sequence, Hash, At);

    public static string Text(long sequence, string hash, DateTime at) =>
        $"OpenIsms activity checkpoint\n{sequence.ToString(CultureInfo.InvariantCulture)}\n{hash}\n{at.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)}";
}
