namespace OpenIsms.BrowserTests.Pages;

/// <summary>The first administrator as the set-up page asks for them, with the organisation they set up.</summary>
public sealed record Administrator(string Organisation, string Name, string Email, string Password);
