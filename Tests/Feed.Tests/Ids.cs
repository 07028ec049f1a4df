using System;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

/// <summary>Fixed ids and rows shared by the feed tests.</summary>
internal static class Ids
{
    public static readonly Guid Ana = new Guid("7d0c2b1e-0000-4000-8000-000000000001");
    public static readonly Guid Ben = new Guid("7d0c2b1e-0000-4000-8000-000000000002");
    public static readonly Guid Cleo = new Guid("7d0c2b1e-0000-4000-8000-000000000003");
    public static readonly Guid SalesTeam = new Guid("5a1e5000-0000-4000-8000-000000000001");
    public static readonly Guid BigDeal = new Guid("0b000000-0000-4000-8000-000000000001");
    public static readonly Guid Contoso = new Guid("acc00000-0000-4000-8000-000000000001");
    public static readonly Guid Org = new Guid("0e900000-0000-4000-8000-000000000001");

    public static readonly RecordRef AnaRef = new RecordRef("systemuser", Ana, "Ana López");
    public static readonly RecordRef BenRef = new RecordRef("systemuser", Ben, "Ben Ode");
    public static readonly RecordRef BigDealRef = new RecordRef("opportunity", BigDeal, "Big deal");
    public static readonly RecordRef ContosoRef = new RecordRef("account", Contoso, "Contoso");

    public static readonly DateTime Noon = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public static byte[] Secret => System.Text.Encoding.UTF8.GetBytes("test-secret-of-32-bytes-length!!");

    public static byte[] KeyFor(Guid user) => ContinuationToken.DeriveKey(Secret, Org, user);
}
