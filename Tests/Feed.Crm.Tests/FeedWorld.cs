using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator;
using Rapport.Emulator.Security;
using Rapport.Emulator.Store;
using Rapport.Plugins.Feed;
using Rapport.Solution.Declarations;
using Rapport.Solution.Model;

namespace Rapport.Feed.Crm.Tests;

/// <summary>Reads of listed rows are refused to listed users (PrivilegeDenied, and trimmed from queries); the rest is allowed.</summary>
internal sealed class DenyReadPolicy : IAccessPolicy
{
    private readonly HashSet<(Guid User, Guid Row)> _denied = new();

    public void Deny(Guid user, Guid row) => _denied.Add((user, row));

    public bool HasAccess(AccessRequest request) =>
        request.Privilege != PrivilegeType.Read || request.Row is null || !_denied.Contains((request.UserId, request.Row.Id));

    public Func<Row, bool>? ReadFilter(Guid userId, string table) => _denied.Count == 0 ? null : row => !_denied.Contains((userId, row.Id));
}

/// <summary>An organization with the Rapport solution and plugins, two named users and a deny-list access policy.</summary>
internal sealed class FeedWorld
{
    public FeedWorld()
    {
        Env = new DataverseEmulator(RapportSolution.Build("1.0.0.0"));
        Env.RegisterPlugins(typeof(PostCreatePlugin).Assembly);
        Env.AccessPolicy = Policy;
        Ana = Env.CreateUser("Ana Lopez");
        Ben = Env.CreateUser("Ben Okafor");
    }

    public DataverseEmulator Env { get; }

    public DenyReadPolicy Policy { get; } = new();

    public Guid Ana { get; }

    public Guid Ben { get; }

    public IOrganizationService As(Guid user) => Env.GetService(user);

    public Guid Account(string name) => Env.SystemService.Create(new Entity("account") { ["name"] = name });

    public OrganizationResponse Call(Guid user, string api, params (string Name, object Value)[] parameters)
    {
        var request = new OrganizationRequest(api);
        foreach (var (name, value) in parameters)
        {
            request[name] = value;
        }

        return As(user).Execute(request);
    }

    public OrganizationResponse Follow(Guid user, string table, Guid id) => Call(user, "rapport_Follow", ("RecordTable", table), ("RecordId", id.ToString()));

    public Guid Post(Guid user, string table, Guid id, string text) => As(user).Create(new Entity("rapport_post")
    {
        ["rapport_regardingtable"] = table,
        ["rapport_regardingid"] = id.ToString(),
        ["rapport_text"] = text,
    });

    public OrganizationResponse Feed(Guid user, string scope = "my", string? token = null, int pageSize = 25, Guid? record = null)
    {
        var p = new List<(string, object)> { ("Scope", scope), ("PageSize", pageSize) };
        if (token is not null)
        {
            p.Add(("ContinuationToken", token));
        }

        if (record is { } r)
        {
            p.Add(("RecordTable", "account"));
            p.Add(("RecordId", r.ToString()));
        }

        return Call(user, "rapport_GetFeed", p.ToArray());
    }

    public List<Entity> Rows(string table, string? column = null, object? value = null)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        if (column is not null)
        {
            query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
        }

        return Env.SystemService.RetrieveMultiple(query).Entities.ToList();
    }

    /// <summary>The call fails with a message containing <paramref name="expected"/>, and nothing was written.</summary>
    public string Refused(Action call, string expected) => Refused(Env, call, expected);

    /// <summary>The call fails with a message containing <paramref name="expected"/>, and nothing was written in <paramref name="env"/>.</summary>
    public static string Refused(DataverseEmulator env, Action call, string expected)
    {
        var before = env.Store.Snapshot();
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => call())!;
        Assert.That(fault.Detail.Message, Does.Contain(expected));
        Assert.That(env.Store.Snapshot(), Is.EqualTo(before), "a refused request wrote something");
        return fault.Detail.Message;
    }
}
