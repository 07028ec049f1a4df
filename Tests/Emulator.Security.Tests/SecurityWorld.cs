using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Security;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security.Tests;

/// <summary>Who owns the row an actor works on, seen from the actor (Ann, in Sales).</summary>
public enum RowOwner
{
    /// <summary>Ann herself.</summary>
    Self,
    /// <summary>Bob, a colleague in Sales.</summary>
    SameUnitColleague,
    /// <summary>Cid, in Sales East (a child of Sales).</summary>
    ChildUnitUser,
    /// <summary>Pia, in the root unit (the parent of Sales).</summary>
    ParentUnitUser,
    /// <summary>Dee, in Support (a sibling of Sales).</summary>
    OtherUnitUser,
    /// <summary>The Support team (in Support), of which Ann is a member.</summary>
    OwnTeam,
}

/// <summary>
/// The organization every security test starts from:
/// Root (Pia) ─┬─ Sales (Ann, Bob) ── Sales East (Cid)
///             └─ Support (Dee; Support team with Ann and Dee as members, no roles)
/// Ann is the actor; the others own rows. Rows are written as SYSTEM.
/// </summary>
public sealed class SecurityWorld
{
    public const string ActorRole = "Actor";

    public SecurityWorld()
    {
        Env = new DataverseEmulator();
        Security = Env.Security;
        Sales = Security.CreateBusinessUnit("Sales");
        SalesEast = Security.CreateBusinessUnit("Sales East", Sales);
        Support = Security.CreateBusinessUnit("Support");
        Ann = Security.CreateUser("Ann Actor", Sales);
        Bob = Security.CreateUser("Bob Colleague", Sales);
        Cid = Security.CreateUser("Cid Child", SalesEast);
        Pia = Security.CreateUser("Pia Parent", Env.RootBusinessUnitId);
        Dee = Security.CreateUser("Dee Other", Support);
        SupportTeam = Security.CreateTeam("Support team", Support, [Ann, Dee]);
    }

    public DataverseEmulator Env { get; }

    public EmulatorSecurity Security { get; }

    public Guid Sales { get; }

    public Guid SalesEast { get; }

    public Guid Support { get; }

    public Guid Ann { get; }

    public Guid Bob { get; }

    public Guid Cid { get; }

    public Guid Pia { get; }

    public Guid Dee { get; }

    public Guid SupportTeam { get; }

    public IOrganizationService System => Env.SystemService;

    public IOrganizationService AsAnn => Env.AsUser(Ann);

    public EntityReference OwnerRef(RowOwner owner) => owner switch
    {
        RowOwner.Self => new EntityReference("systemuser", Ann),
        RowOwner.SameUnitColleague => new EntityReference("systemuser", Bob),
        RowOwner.ChildUnitUser => new EntityReference("systemuser", Cid),
        RowOwner.ParentUnitUser => new EntityReference("systemuser", Pia),
        RowOwner.OtherUnitUser => new EntityReference("systemuser", Dee),
        RowOwner.OwnTeam => new EntityReference("team", SupportTeam),
        _ => throw new ArgumentOutOfRangeException(nameof(owner)),
    };

    /// <summary>An account owned by the principal, created as SYSTEM.</summary>
    public Guid Account(RowOwner owner, string name = "Contoso") =>
        System.Create(new Entity("account") { ["name"] = name, ["ownerid"] = OwnerRef(owner) });

    public Guid Account(EntityReference owner, string name) =>
        System.Create(new Entity("account") { ["name"] = name, ["ownerid"] = owner });

    /// <summary>Gives the principal rights on the row through GrantAccess, sent as SYSTEM.</summary>
    public void Share(string table, Guid id, EntityReference principal, AccessRights rights) =>
        System.Execute(new OrganizationRequest("GrantAccess")
        {
            ["Target"] = new EntityReference(table, id),
            ["Principal"] = principal,
            ["AccessMask"] = rights,
        });

    public void GiveAnn(params (string Table, PrivilegeType Privilege, PrivilegeDepth Depth)[] privileges)
    {
        Security.CreateRole(ActorRole, privileges);
        Security.AssignRoles(Ann, ActorRole);
    }

    /// <summary>Runs the action and returns the access fault it raised (PrivilegeDenied 0x80040220 or the row-level
    /// 0x80048306), or null when it succeeded.</summary>
    public static OrganizationServiceFault? Denial(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return null;
        }
        catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail.ErrorCode is ErrorCodes.PrivilegeDenied or ErrorCodes.AccessCheckFailed)
        {
            return fault.Detail;
        }
    }
}
