using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>
/// A personal access token for the JSON API: it acts as its user, with the user's roles. Only its SHA-256 hash is
/// stored; the token itself is shown once, when it is created. It expires, and can be revoked at any time.
/// </summary>
[AuditName("ApiToken")]
public sealed class ApiToken : Entity
{
    public const string Prefix = "oim_";

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Hex SHA-256 of the whole token.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The first characters, so the user can tell tokens apart.</summary>
    public string Hint { get; private set; } = "";

    public DateOnly ExpiresOn { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static (ApiToken Token, string Secret) Issue(string userId, string name, DateOnly expiresOn)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken { UserId = userId, Name = name.Trim(), TokenHash = Hash(secret), Hint = secret[..10], ExpiresOn = expiresOn }, secret);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public bool IsValid(DateOnly today) => RevokedAt is null && ExpiresOn >= today;
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(10).IsRequired();
    }
}
