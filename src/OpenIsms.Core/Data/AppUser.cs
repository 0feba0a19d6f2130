using Microsoft.AspNetCore.Identity;

namespace OpenIsms.Core.Data;

/// <summary>A person who signs in. Deactivated users keep their history but cannot sign in.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when an administrator chose the password: the user chooses their own at the first sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
