using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenIsms.Core.Activity;

/// <summary>The one definition of what an entry's hash covers, used when writing and when verifying.</summary>
public static class ActivityHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(ActivityEntry e)
    {
        var content = string.Join(
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
