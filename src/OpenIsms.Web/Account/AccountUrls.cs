namespace OpenIsms.Web.Account;

/// <summary>
/// The addresses of signing in and out, of one's own account (password, authenticator, API tokens) and of setting up
/// the installation. A return address is kept only if <see cref="LocalUrl.Safe"/> allows it.
/// </summary>
public static class AccountUrls
{
    public const string Home = "/account";

    public const string Login = Home + "/login";

    public const string Logout = Home + "/logout";

    public const string AccessDenied = Home + "/access-denied";

    /// <summary>Setting up an authenticator app as the second factor.</summary>
    public const string TwoFactor = Home + "/2fa";

    public const string ApiTokens = Home + "/api-tokens";

    /// <summary>The sign-in page after signing out, saying so.</summary>
    public const string SignedOut = Login + "?signedout=1";

    /// <summary>My account, asking for a new password before anything else (an administrator set the current one).</summary>
    public const string PasswordRequired = Home + "?required=password";

    /// <summary>The authenticator set-up, before anything else (the organisation requires a second factor).</summary>
    public const string TwoFactorRequired = TwoFactor + "?required=1";

    /// <summary>Until the first administrator exists, the only page there is.</summary>
    public const string Setup = "/setup";

    /// <summary>The second step of signing in: the authenticator's code.</summary>
    public static string LoginTwoFactor(string? returnUrl, bool rememberMe) =>
        $"{Home}/login-2fa?returnUrl={Uri.EscapeDataString(LocalUrl.Safe(returnUrl))}&rememberMe={rememberMe}";

    /// <summary>Signing in with a recovery code instead of the authenticator's.</summary>
    public static string LoginRecovery(string? returnUrl) => $"{Home}/login-recovery?returnUrl={Uri.EscapeDataString(LocalUrl.Safe(returnUrl))}";
}
