using System;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>A clock the test moves by hand, so a ten-minute sign-in code can expire without waiting ten minutes.</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
