using System;

namespace Rapport.Emulator;

/// <summary>The emulator's time, owned by the test: it moves only when told (Set, Advance). Always UTC.</summary>
public sealed class EmulatorClock
{
    public EmulatorClock(DateTime start)
    {
        UtcNow = DateTime.SpecifyKind(start, DateTimeKind.Utc);
    }

    public DateTime UtcNow { get; private set; }

    public void Set(DateTime utc) => UtcNow = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public void Advance(TimeSpan by) => UtcNow += by;
}
