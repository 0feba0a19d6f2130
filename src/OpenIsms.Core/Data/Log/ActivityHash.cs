using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenIsms.Core.Data.Log;

/// <summary>The one definition of what an entry's hash covers, used when writing and when verifying.</summary>
public static class ActivityHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The unkeyed SHA-256 of entries written before the log was keyed (their <see cref="ActivityEntry.KeyId"/> is
    /// empty). Anyone can recompute it, so it proves nothing on its own; the keyed entries after it protect it, because
    /// the first of them covers its hash.
    /// </summary>
    public static string Compute(ActivityEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content(e))));

    /// <summary>HMAC-SHA-256 with the key named by the entry: without the key, no entry can be forged or re-chained.</summary>
    public static string Compute(ActivityEntry e, ActivityKey key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Hmac, Encoding.UTF8.GetBytes(
            string.Join('\n', "v2", e.KeyId, e.StateHash ?? "-", Content(e)))));

    private static string Content(ActivityEntry e) => string.Join(
        '\n',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        e.UserId ?? "",
        e.UserName,
        e.EntityType,
        e.EntityId,
        e.Action,
        e.Before ?? "",
        e.After ?? "",
        e.PreviousHash);
}
