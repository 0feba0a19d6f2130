using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Web.Account;

/// <summary>
/// Asks a signed-in person for their password (or a current authenticator code) before they see or change their
/// second factor or their password: a session left open, or a stolen cookie, is not enough. Wrong answers count
/// toward the account's lockout, like wrong passwords at sign-in would.
/// </summary>
public sealed class Reauthentication(UserManager<AppUser> users, IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan ProofLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Null when the secret is the user's password (or, with two factors on, a current code); otherwise the message to show.</summary>
    public async Task<string?> Check(AppUser user, string? secret)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return "After too many wrong attempts your account is locked for a while. Try again later.";
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            return user.TwoFactorEnabled ? "Enter your password or a current code from your authenticator app." : "Enter your password.";
        }

        var code = secret.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var proved = await users.CheckPasswordAsync(user, secret)
            || (user.TwoFactorEnabled && code.Length == 6 && code.All(char.IsAsciiDigit)
                && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code));
        if (proved)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await users.AccessFailedAsync(user);
        return user.TwoFactorEnabled ? "That is neither your password nor a current code." : "That is not your password.";
    }

    /// <summary>A token that stands for "this user confirmed their password just now", carried by the next form.</summary>
    public string Proof(AppUser user) => Protector().Protect($"{user.Id}|{user.SecurityStamp}", clock.GetUtcNow().Add(ProofLifetime));

    public bool IsProof(AppUser user, string? proof)
    {
        if (string.IsNullOrEmpty(proof))
        {
            return false;
        }

        try
        {
            return Protector().Unprotect(proof, out var expires) == $"{user.Id}|{user.SecurityStamp}" && expires > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("OpenIsms.Reauthentication").ToTimeLimitedDataProtector();
}
