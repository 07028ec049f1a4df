using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>What one run of the digest job did; <see cref="HasMore"/>: call again, followers are still due.</summary>
public sealed record DigestRun(int Sent, int Empty, int Skipped, bool HasMore);

/// <summary>
/// Digest delivery (rapport_DeliverDigests, called by a recurring flow or the local environment's scheduler). For
/// every follower whose active preference asks for a daily or weekly digest and who has no delivery row for the last
/// complete period (<see cref="DigestSchedule"/>), the digest is built AS that follower (their feed, their rights),
/// then delivered as an e-mail activity (sent with SendEmail) and an in-app notification. The delivery row is
/// written first, with the ids the e-mail and notification will get: its alternate key (user + period) makes a second
/// delivery impossible, concurrent runs included, and a failed run rolls back as one transaction, so the next run
/// resumes with exactly the followers still due. A run handles at most <c>maxFollowers</c> and says whether more are
/// due: the state is in the delivery rows, so the continuation is "call again".
/// </summary>
/// <remarks>https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/send-in-app-notifications (appnotification);
/// https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/sendemail (SendEmail).</remarks>
public static class DigestDeliveryService
{
    public const int DefaultBatch = 50;
    public const int MaxBatch = 500;

    private const int OptionDaily = 107850001;
    private const int OptionWeekly = 107850002;
    private const string DigestDelivery = "rapport_digestdelivery";

    public static DigestRun Run(LocalPluginContext ctx, int? maxFollowers, string? unsubscribeUrl, bool sendEmail = true)
    {
        var batch = maxFollowers ?? DefaultBatch;
        if (batch < 1 || batch > MaxBatch)
        {
            throw new InvalidPluginExecutionException($"MaxFollowers must be between 1 and {MaxBatch}; it was {batch}.");
        }

        if (!FeedCaller.Of(ctx).IsModerator)
        {
            throw new InvalidPluginExecutionException("Only a System Administrator or a Rapport Administrator (or the job's application user) can deliver digests: each digest discloses a follower's feed.");
        }

        var now = DateTime.SpecifyKind(ctx.ExecutionContext.OperationCreatedOn, DateTimeKind.Utc);
        var system = ctx.SystemService;
        byte[]? secret = null;
        int sent = 0, empty = 0, skipped = 0;
        var more = false;
        foreach (var cadence in new[] { DigestCadence.Daily, DigestCadence.Weekly })
        {
            var period = DigestSchedule.LastComplete(cadence, now)!;
            var left = batch - sent - empty - skipped;
            if (left <= 0)
            {
                more = true;
                break;
            }

            var due = Due(system, cadence, period, left + 1);
            more |= due.Count > left;
            foreach (var follower in due.GetRange(0, Math.Min(left, due.Count)))
            {
                if (follower.Disabled)
                {
                    Record(system, follower.UserId, period, 0, "skipped", null, null);
                    skipped++;
                    continue;
                }

                secret ??= FeedService.ReadSecret(system);
                var url = Link(unsubscribeUrl, DigestUnsubscribeToken.Create(secret, ctx.ExecutionContext.OrganizationId, follower.UserId));
                var digest = FeedDigestService.BuildAs(ctx, follower.UserId, follower.Name, period.Start, period.End, new DigestOptions { UnsubscribeUrl = url });
                if (digest.ItemCount == 0)
                {
                    Record(system, follower.UserId, period, 0, "empty", null, null);
                    empty++;
                    continue;
                }

                Deliver(ctx, follower.UserId, period, digest, sendEmail);
                sent++;
            }
        }

        return new DigestRun(sent, empty, skipped, more);
    }

    /// <summary>Unsubscribes the user the token names: every active preference of theirs stops its digest at once.</summary>
    public static bool Unsubscribe(LocalPluginContext ctx, string? token)
    {
        var system = ctx.SystemService;
        var user = FeedData.Domain(() => DigestUnsubscribeToken.Verify(FeedService.ReadSecret(system), ctx.ExecutionContext.OrganizationId, token));
        var query = FeedData.Where(FeedData.Preference, "rapport_digest");
        query.Criteria.AddCondition("ownerid", ConditionOperator.Equal, user);
        var changed = false;
        foreach (var preference in system.RetrieveMultiple(query).Entities)
        {
            if (preference.GetAttributeValue<OptionSetValue>("rapport_digest")?.Value is OptionDaily or OptionWeekly)
            {
                system.Update(new Entity(FeedData.Preference, preference.Id) { ["rapport_digest"] = new OptionSetValue(107850000) });
                changed = true;
            }
        }

        return changed;
    }

    private sealed record DueFollower(Guid UserId, string Name, bool Disabled);

    /// <summary>ONE query: active preferences of this cadence, their user, and no delivery row for this period.</summary>
    private static List<DueFollower> Due(IOrganizationService system, DigestCadence cadence, DigestPeriod period, int top)
    {
        var query = new QueryExpression(FeedData.Preference) { ColumnSet = new ColumnSet("ownerid"), TopCount = top * 2 };
        query.Criteria.AddCondition("rapport_digest", ConditionOperator.Equal, cadence == DigestCadence.Weekly ? OptionWeekly : OptionDaily);
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.AddOrder("createdon", OrderType.Ascending);
        var user = query.AddLink("systemuser", "ownerid", "systemuserid");
        user.EntityAlias = "u";
        user.Columns = new ColumnSet("fullname", "isdisabled");
        var done = query.AddLink(DigestDelivery, "ownerid", "rapport_userid", JoinOperator.LeftOuter);
        done.EntityAlias = "d";
        done.LinkCriteria.AddCondition("rapport_period", ConditionOperator.Equal, period.Key);
        query.Criteria.AddCondition("d", "rapport_digestdeliveryid", ConditionOperator.Null);
        var seen = new HashSet<Guid>();
        var due = new List<DueFollower>();
        foreach (var row in system.RetrieveMultiple(query).Entities)
        {
            var owner = row.GetAttributeValue<EntityReference>("ownerid");
            if (owner is null || !seen.Add(owner.Id) || due.Count == top)
            {
                continue; // a second preference row of the same user
            }

            due.Add(new DueFollower(
                owner.Id,
                row.GetAttributeValue<AliasedValue>("u.fullname")?.Value as string ?? string.Empty,
                row.GetAttributeValue<AliasedValue>("u.isdisabled")?.Value as bool? ?? false));
        }

        return due;
    }

    /// <summary>Delivery row first (it claims user + period), then the e-mail, its send and the notification: 4 requests.</summary>
    /// <remarks>Without <paramref name="sendEmail"/> (an environment with no mailbox) the e-mail stays a draft activity.</remarks>
    private static void Deliver(LocalPluginContext ctx, Guid user, DigestPeriod period, FeedDigest digest, bool sendEmail)
    {
        var system = ctx.SystemService;
        var emailId = Guid.NewGuid();
        var notificationId = Guid.NewGuid();
        Record(system, user, period, digest.ItemCount, "sent", emailId, notificationId);
        system.Create(new Entity("email", emailId)
        {
            ["subject"] = FeedData.Cut(digest.Subject, 200),
            ["description"] = digest.Html,
            ["directioncode"] = true,
            ["to"] = Party(user),
            ["from"] = Party(ctx.ExecutionContext.UserId),
            ["ownerid"] = new EntityReference("systemuser", user),
        });
        if (sendEmail)
        {
            system.Execute(new OrganizationRequest("SendEmail") { ["EmailId"] = emailId, ["IssueSend"] = true, ["TrackingToken"] = string.Empty });
        }

        system.Create(new Entity(FeedData.Notification, notificationId)
        {
            ["title"] = FeedData.Cut(digest.Subject, 200),
            ["body"] = FeedData.Cut(digest.PlainText, 5000),
            ["ownerid"] = new EntityReference("systemuser", user),
            ["icontype"] = new OptionSetValue(100000000),
            ["ttlinseconds"] = period.Cadence == DigestCadence.Weekly ? 14 * 86400 : 7 * 86400,
        });
    }

    private static void Record(IOrganizationService system, Guid user, DigestPeriod period, int items, string status, Guid? emailId, Guid? notificationId)
    {
        var row = new Entity(DigestDelivery)
        {
            ["rapport_name"] = period.Key + " " + status,
            ["rapport_userid"] = new EntityReference("systemuser", user),
            ["rapport_period"] = period.Key,
            ["rapport_itemcount"] = items,
            ["rapport_status"] = status,
        };
        if (emailId is { } e && notificationId is { } n)
        {
            row["rapport_emailid"] = FeedData.Text(e);
            row["rapport_notificationid"] = FeedData.Text(n);
        }

        try
        {
            system.Create(row);
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) == FeedData.DuplicateKey)
        {
            // Another run delivered this period meanwhile: stop here, before anything is sent (the run rolls back).
            throw new InvalidPluginExecutionException($"The {period.Key} digest of user {FeedData.Text(user)} was delivered by a concurrent run; run the job again to continue.");
        }
    }

    private static EntityCollection Party(Guid user) =>
        new(new List<Entity> { new("activityparty") { ["partyid"] = new EntityReference("systemuser", user) } }) { EntityName = "activityparty" };

    private static string? Link(string? baseUrl, string token)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        var url = baseUrl!.Trim();
        return url + (url.Contains("?") ? "&" : "?") + "token=" + Uri.EscapeDataString(token);
    }
}
