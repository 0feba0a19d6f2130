namespace OpenIsms.Core.Common;

/// <summary>
/// Something a node keeps in memory about the data (the organisation's profile, the SoA summary, how far the checkpoint
/// file has been read). Each is registered as this too, so that whoever replaces the data under a running node — a test
/// host resetting its database to the template — can make every one of them forget, without knowing their insides.
/// </summary>
public interface INodeMemory
{
    /// <summary>Drops what is remembered; the next read goes to the data again.</summary>
    void Forget();
}
