namespace OpenIsms.Web.Features.Home;

/// <summary>My work, the start page: what needs the signed-in person's attention.</summary>
public static class HomeUrls
{
    public const string Home = "/";

    /// <summary>My work on the first visit after setting up the installation, with the first steps.</summary>
    public const string Welcome = Home + "?welcome=1";
}
