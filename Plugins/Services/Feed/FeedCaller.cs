using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// Who is writing feed content: SYSTEM (Rapport's own bookkeeping), a Rapport Administrator, a moderator or a person.
/// A request sent by a plugin's SYSTEM service runs as a user other than the one who started the operation
/// (UserId differs from InitiatingUserId), which costs nothing to tell; everyone else costs ONE query for their
/// role names, asked only when a rule needs it (a protected column, someone else's row).
/// </summary>
/// <remarks>
/// A step or a workflow an administrator configured to run as another user looks the same as SYSTEM's service:
/// what it writes was chosen by that administrator. SYSTEM called from outside (the emulator's setup, never a real
/// sign-in) is the user named SYSTEM that holds no role; a person without a role cannot write feed rows at all.
/// Role names are Dataverse's (System Administrator) and Rapport's (Rapport Administrator); roles given through a team
/// are not counted, so give moderators the role directly.
/// </remarks>
public sealed class FeedCaller
{
    public const string SystemAdministrator = "System Administrator";
    public const string RapportAdministrator = "Rapport Administrator";

    private readonly LocalPluginContext _ctx;
    private RoleFacts? _roles;

    private FeedCaller(LocalPluginContext ctx) => _ctx = ctx;

    public static FeedCaller Of(LocalPluginContext ctx) => new FeedCaller(ctx);

    public Guid UserId => _ctx.ExecutionContext.UserId;

    /// <summary>The request comes from an elevated service (free to tell).</summary>
    public bool IsElevated => _ctx.ExecutionContext.UserId != _ctx.ExecutionContext.InitiatingUserId;

    public FeedWriter Writer =>
        IsElevated || Roles().System ? FeedWriter.System
        : Roles().RapportAdmin ? FeedWriter.RapportAdministrator
        : FeedWriter.Person;

    /// <summary>May edit or delete anyone's posts and comments: SYSTEM, Rapport Administrators and System Administrators.</summary>
    public bool IsModerator => Writer != FeedWriter.Person || Roles().SystemAdmin;

    private RoleFacts Roles()
    {
        if (_roles is not null)
        {
            return _roles;
        }

        var query = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, UserId);
        var held = query.AddLink("systemuserroles", "systemuserid", "systemuserid", JoinOperator.LeftOuter);
        held.EntityAlias = "ur";
        held.Columns = new ColumnSet("roleid");
        var role = held.AddLink("role", "roleid", "roleid", JoinOperator.LeftOuter);
        role.EntityAlias = "ro";
        role.Columns = new ColumnSet("name");
        var rows = _ctx.SystemService.RetrieveMultiple(query).Entities;
        var names = rows.Select(r => r.GetAttributeValue<AliasedValue>("ro.name")?.Value as string).Where(n => n is not null).ToList();
        var holdsAnyRole = rows.Any(r => r.Contains("ur.roleid"));
        var system = rows.Count > 0 && !holdsAnyRole && string.Equals(FeedData.Str(rows[0], "fullname"), "SYSTEM", StringComparison.Ordinal);
        _roles = new RoleFacts(system, names.Contains(RapportAdministrator), names.Contains(SystemAdministrator));
        return _roles;
    }

    /// <summary>What the role query told (net462 has no value tuples).</summary>
    private sealed class RoleFacts
    {
        public RoleFacts(bool system, bool rapportAdmin, bool systemAdmin)
        {
            System = system;
            RapportAdmin = rapportAdmin;
            SystemAdmin = systemAdmin;
        }

        public bool System { get; }

        public bool RapportAdmin { get; }

        public bool SystemAdmin { get; }
    }
}
