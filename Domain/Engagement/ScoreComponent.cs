namespace Rapport.Domain.Engagement;

/// <summary>
/// One interaction kind's part in a score, for the UI's "why this score": how many interactions were seen within the
/// horizon, how many counted after the daily cap, their undecayed and decayed points, the share of the customer's
/// decayed points, and <see cref="Points"/> = score × share, so the components' points add up to the score.
/// </summary>
public sealed record ScoreComponent(
    InteractionKind Kind,
    int Interactions,
    int Counted,
    double RawPoints,
    double DecayedPoints,
    double Share,
    double Points)
{
    /// <summary>Interactions left out by the daily cap.</summary>
    public int Capped => Interactions - Counted;
}
