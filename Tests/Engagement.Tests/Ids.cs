using System;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

/// <summary>Fixed customers and clock for the engagement tests.</summary>
internal static class Ids
{
    public static readonly Guid Ana = new Guid("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid Ben = new Guid("b0000000-0000-0000-0000-000000000002");
    public static readonly Guid Cara = new Guid("c0000000-0000-0000-0000-000000000003");
    public static readonly Guid Dan = new Guid("d0000000-0000-0000-0000-000000000004");
    public static readonly Guid Eve = new Guid("e0000000-0000-0000-0000-000000000005");

    /// <summary>"Now" for every test: 25 Nov 2026, noon UTC.</summary>
    public static readonly DateTime Now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public static Interaction Like(Guid customer, DateTime on) => new Interaction(customer, InteractionKind.Like, Channel.Instagram, on);

    public static Interaction Of(Guid customer, InteractionKind kind, DateTime on, Channel channel = Channel.Facebook) => new Interaction(customer, kind, channel, on);
}
