namespace Rapport.Domain.Feed;

/// <summary>
/// One @mention occurrence: the mentioned row and where its "@Name" sits in the rendered plain text
/// (<see cref="Start"/> and <see cref="Length"/> in UTF-16 code units, i.e. JavaScript string indices).
/// </summary>
public sealed record Mention(RecordRef Record, int Start, int Length)
{
    public bool IsUser => Record.Table == "systemuser";

    public bool IsTeam => Record.Table == "team";
}
