using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Benchmarks;

/// <summary>The figures of one security benchmark run (medians over the iterations, after one warm-up).</summary>
public sealed record SecurityBenchResult(
    int Rows,
    int VisibleToUser,
    int PageSize,
    double SystemMilliseconds,
    double UserMilliseconds,
    int SystemPageRows,
    int UserPageRows,
    double FilterMilliseconds)
{
    /// <summary>How much the read filter costs the user over SYSTEM (1.0 = same time).</summary>
    public double UserToSystemRatio => SystemMilliseconds > 0 ? UserMilliseconds / SystemMilliseconds : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RetrieveMultiple over {Rows:N0} accounts, first page of {PageSize}: SYSTEM {SystemMilliseconds:F1} ms ({SystemPageRows} rows), "
        + $"user with Local Read {UserMilliseconds:F1} ms ({UserPageRows} rows; {VisibleToUser:N0} visible), ratio {UserToSystemRatio:F2}; "
        + $"the read filter alone over every row {FilterMilliseconds:F1} ms");
}

/// <summary>
/// RetrieveMultiple on 100,000 rows as a user with Local (business unit) Read versus as SYSTEM: what record-level
/// security costs a query. Half the rows are owned in the user's business unit, half in another one.
/// </summary>
public static class SecurityBench
{
    public static SecurityBenchResult Run(int rows = 100_000, int iterations = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var env = new DataverseEmulator();
        var security = env.Security;
        var sales = security.CreateBusinessUnit("Sales");
        var support = security.CreateBusinessUnit("Support");
        security.CreateRole("Account reader (Local)", ("account", PrivilegeType.Read, PrivilegeDepth.Local));
        var reader = security.CreateUser("Bench Reader", sales, "Account reader (Local)");
        var colleague = security.CreateUser("Bench Colleague", sales);
        var outsider = security.CreateUser("Bench Outsider", support);
        for (var i = 0; i < rows; i++)
        {
            env.Organization.SystemCreate(new Entity("account")
            {
                ["name"] = "Account " + i.ToString("D6", CultureInfo.InvariantCulture),
                ["ownerid"] = new EntityReference("systemuser", i % 2 == 0 ? colleague : outsider),
            });
        }

        const int pageSize = 5000;
        var query = new QueryExpression("account")
        {
            ColumnSet = new ColumnSet("name", "ownerid"),
            PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 },
        };
        query.AddOrder("name", OrderType.Descending);
        var (systemMs, systemRows) = Measure(env.SystemService, query, iterations);
        var (userMs, userRows) = Measure(env.AsUser(reader), query, iterations);
        var watch = Stopwatch.StartNew();
        var visible = env.Store.Rows("account").Count(env.AccessPolicy.ReadFilter(reader, "account") ?? (_ => true));
        var filterMs = watch.Elapsed.TotalMilliseconds;
        return new SecurityBenchResult(rows, visible, pageSize, systemMs, userMs, systemRows, userRows, filterMs);
    }

    private static (double Milliseconds, int Rows) Measure(IOrganizationService service, QueryExpression query, int iterations)
    {
        var returned = service.RetrieveMultiple(query).Entities.Count;
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            returned = service.RetrieveMultiple(query).Entities.Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], returned);
    }
}
