using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;

namespace Rapport.Plugins.Services.Feed;

/// <summary>Table and column names of the feed tables, and small SDK helpers shared by the feed services.</summary>
public static class FeedData
{
    public const string Follow = "rapport_follow";
    public const string Post = "rapport_post";
    public const string Comment = "rapport_comment";
    public const string Reaction = "rapport_reaction";
    public const string Mention = "rapport_mention";
    public const string Topic = "rapport_topic";
    public const string Revision = "rapport_postrevision";
    public const string Config = "rapport_feedconfig";
    public const string Settings = "rapport_feedsettings";
    public const string AutoFollowRule = "rapport_autofollowrule";
    public const string Preference = "rapport_feedpreference";
    public const string Notification = "appnotification";
    public const string ModerationLog = "rapport_moderationlog";

    public const int KindUser = 107850000;
    public const int KindAuto = 107850001;
    public const int KindSystem = 107850002;

    public const int PrivilegeDenied = unchecked((int)0x80040220);

    // The row exists and the caller holds Read, but not at a depth that reaches it (and it is not shared).
    public const int AccessCheckFailed = unchecked((int)0x80048306);
    public const int DoesNotExist = unchecked((int)0x80040217);
    public const int NoEntity = unchecked((int)0x80041102);
    public const int NoAttribute = unchecked((int)0x80041103);
    public const int DuplicateKey = unchecked((int)0x80060892);

    private static readonly string[] NameColumns = { "rapport_name", "fullname", "name", "title", "subject", "currencyname" };

    public static PostKind ToKind(int value) => value == KindAuto ? PostKind.AutoPost : value == KindSystem ? PostKind.System : PostKind.UserPost;

    public static int FromKind(PostKind kind) => kind == PostKind.AutoPost ? KindAuto : kind == PostKind.System ? KindSystem : KindUser;

    public static Guid ParseId(string? text, string what)
    {
        if (!Guid.TryParse((text ?? string.Empty).Trim(), out var id) || id == Guid.Empty)
        {
            throw new InvalidPluginExecutionException($"The {what} '{text}' is not a record id (a GUID such as 7d0c2b1e-0000-4000-8000-000000000001).");
        }

        return id;
    }

    public static string Table(string? text, string what)
    {
        var table = (text ?? string.Empty).Trim().ToLowerInvariant();
        if (table.Length == 0 || table.Length > 64)
        {
            throw new InvalidPluginExecutionException($"Give the {what} as a table logical name, e.g. 'account'.");
        }

        return table;
    }

    public static string Text(Guid id) => id.ToString("D");

    public static int Int(Entity e, string column) => e.GetAttributeValue<int?>(column) ?? 0;

    public static string Str(Entity e, string column) => e.GetAttributeValue<string>(column) ?? string.Empty;

    /// <summary>The row's display name from the usual primary name columns (empty when none is set).</summary>
    public static string NameOf(Entity row)
    {
        foreach (var column in NameColumns)
        {
            if (row.GetAttributeValue<string>(column) is { Length: > 0 } name)
            {
                return name;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// Reads a record with the given service (so with that user's rights) and returns its name; a missing table, a
    /// missing row or no read access becomes a message that says which, starting with <paramref name="subject"/>.
    /// </summary>
    public static string ReadableName(IOrganizationService service, string table, Guid id, string subject, string whoCannotRead)
    {
        try
        {
            return NameOf(service.Retrieve(table, id, new ColumnSet(true)));
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            var code = fault.Detail?.ErrorCode ?? 0;
            if (code == NoEntity)
            {
                throw new InvalidPluginExecutionException($"{subject}: there is no table named '{table}'. Use a table logical name, e.g. 'account'.");
            }

            if (code == DoesNotExist)
            {
                throw new InvalidPluginExecutionException($"{subject}: the {table} with id {Text(id)} does not exist (it may have been deleted).");
            }

            if (code is PrivilegeDenied or AccessCheckFailed)
            {
                throw new InvalidPluginExecutionException($"{subject}: {whoCannotRead} cannot read the {table} with id {Text(id)}.");
            }

            throw;
        }
    }

    public static int FaultCode(FaultException<OrganizationServiceFault> fault) => fault.Detail?.ErrorCode ?? 0;

    public static EntityCollection Query(IOrganizationService service, QueryExpression query) => service.RetrieveMultiple(query);

    public static QueryExpression Where(string table, params string[] columns) => new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };

    public static string Cut(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<List<T>> Chunks<T>(IReadOnlyList<T> items, int size)
    {
        for (var i = 0; i < items.Count; i += size)
        {
            var chunk = new List<T>();
            for (var j = i; j < items.Count && j < i + size; j++)
            {
                chunk.Add(items[j]);
            }

            yield return chunk;
        }
    }

    /// <summary>Domain refusals become the sandbox's exception, message unchanged.</summary>
    public static T Domain<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (FeedException refused)
        {
            throw new InvalidPluginExecutionException(refused.Message);
        }
    }
}
