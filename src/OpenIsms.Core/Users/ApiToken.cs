using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

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
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(10).IsRequired();
    }
}

/// <summary>The signed-in user's API tokens: list, create (the secret is returned once), revoke.</summary>
public sealed class ManageApiTokens(OpenIsmsDbContext db)
{
    /// <summary>The lifetimes the page offers; the create-token command takes any number of days up to <see cref="MaxDays"/>.</summary>
    public static readonly int[] Lifetimes = [30, 90, 365];

    public const int MaxDays = 366;

    public sealed record Row(Guid Id, string Name, string Hint, DateTime CreatedAt, DateOnly ExpiresOn, DateTime? RevokedAt, int Version);

    public async Task<List<Row>> Handle(CancellationToken ct = default)
    {
        var userId = db.CurrentUser.UserId;
        return await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresOn, t.RevokedAt, t.Version)).ToListAsync(ct);
    }

    public async Task<Result<string>> Create(string? name, int days, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.Self) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<string>.From(Result.Forbidden());
        }

        var check = new Validation()
            .Required("Name", name, "Name the token after what will use it, e.g. \"Nightly export script\".")
            .MaxLength("Name", name, 100, "The name")
            .Must(days is >= 1 and <= MaxDays, "Days", $"Choose how long the token is valid: 1 to {MaxDays} days.");
        if (!check.IsValid)
        {
            return Result<string>.From(check.ToResult());
        }

        var today = await db.Clock.Today(ct);
        var (token, secret) = ApiToken.Issue(userId, name!, today.AddDays(days));
        db.Add(token);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? secret : Result<string>.From(saved);
    }

    /// <summary>Ends every token of a user: when they change their password or are deactivated.</summary>
    public static async Task<int> RevokeAll(OpenIsmsDbContext db, string userId, CancellationToken ct = default)
    {
        var now = db.Clock.UtcNow;
        var open = await db.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        open.ForEach(t => t.Revoke(now));
        await db.SaveChangesAsync(ct);
        return open.Count;
    }

    /// <summary>After the signed-in user changed their password: their tokens end with the old password.</summary>
    public Task<int> RevokeAllOfMine(CancellationToken ct = default) =>
        db.CurrentUser.UserId is { } userId ? RevokeAll(db, userId, ct) : Task.FromResult(0);

    public async Task<Result> Revoke(Guid id, CancellationToken ct = default)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id && t.UserId == db.CurrentUser.UserId, ct);
        if (token is null)
        {
            return Result.NotFound();
        }

        token.Revoke(db.Clock.UtcNow);
        return await db.SaveAsync(ct);
    }
}
