using Rapport.Emulator.Benchmarks;

namespace Rapport.Emulator.Security.Tests;

public sealed class SecurityBenchTests
{
    [Test]
    public void The_bench_user_sees_half_the_rows_and_SYSTEM_all_of_them()
    {
        var result = SecurityBench.Run(rows: 2000, iterations: 1);

        Assert.That(result.SystemPageRows, Is.EqualTo(2000));
        Assert.That(result.UserPageRows, Is.EqualTo(1000));
        Assert.That(result.VisibleToUser, Is.EqualTo(1000));
        Assert.That(result.SystemMilliseconds, Is.GreaterThan(0));
        Assert.That(result.UserMilliseconds, Is.GreaterThan(0));
    }
}
