using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

public sealed class SharingTests
{
    private SecurityWorld _world = null!;
    private IOrganizationService _dee = null!;
    private EntityReference _row = null!;

    [SetUp]
    public void Arrange()
    {
        _world = new SecurityWorld();
        _world.Security.CreateRole("Own accounts", ("account", Read, Basic), ("account", Write, Basic), ("account", Share, Basic));
        _world.Security.AssignRoles(_world.Ann, "Own accounts");
        _world.Security.AssignRoles(_world.Dee, "Own accounts");
        _dee = _world.Env.AsUser(_world.Dee);
        _row = new EntityReference("account", _world.Account(RowOwner.OtherUnitUser));
    }

    [Test]
    public void A_share_gives_read_until_it_is_revoked()
    {
        var ann = new EntityReference("systemuser", _world.Ann);
        _dee.Execute(new OrganizationRequest("GrantAccess") { ["Target"] = _row, ["PrincipalAccess"] = new PrincipalAccess(ann, AccessRights.ReadAccess) });

        Assert.That(SecurityWorld.Denial(() => _world.AsAnn.Retrieve("account", _row.Id, new ColumnSet("name"))), Is.Null);
        Assert.That(AnnSees(), Is.True);

        _dee.Execute(new OrganizationRequest("RevokeAccess") { ["Target"] = _row, ["Revokee"] = ann });

        Assert.That(SecurityWorld.Denial(() => _world.AsAnn.Retrieve("account", _row.Id, new ColumnSet("name"))), Is.Not.Null);
        Assert.That(AnnSees(), Is.False);
    }

    [Test]
    public void GrantAccess_adds_rights_and_ModifyAccess_replaces_them()
    {
        var ann = new EntityReference("systemuser", _world.Ann);
        _dee.Execute(Request("GrantAccess", ann, AccessRights.ReadAccess));
        _dee.Execute(Request("GrantAccess", ann, AccessRights.WriteAccess));
        Assert.That(_world.Security.RightsOf(_world.Ann, _row), Is.EqualTo(AccessRights.ReadAccess | AccessRights.WriteAccess));

        _dee.Execute(Request("ModifyAccess", ann, (int)AccessRights.ReadAccess));

        Assert.That(_world.Security.RightsOf(_world.Ann, _row), Is.EqualTo(AccessRights.ReadAccess));
        Assert.That(SecurityWorld.Denial(() => _world.AsAnn.Update(new Entity("account", _row.Id) { ["name"] = "x" }))?.Message,
            Does.Contain("does not have WriteAccess right(s)"));
    }

    [Test]
    public void Sharing_a_row_the_user_cannot_share_is_denied()
    {
        var fault = SecurityWorld.Denial(() => _world.AsAnn.Execute(Request("GrantAccess", new EntityReference("systemuser", _world.Ann), AccessRights.ReadAccess)));

        Assert.That(fault?.Message, Does.Contain("ShareAccess").Or.Contain("ReadAccess"));
        Assert.That(_world.Security.RightsOf(_world.Ann, _row), Is.EqualTo(AccessRights.None));
    }

    [Test]
    public void A_share_granted_in_a_transaction_that_fails_is_rolled_back()
    {
        var ann = new EntityReference("systemuser", _world.Ann);
        var bobsRow = _world.Account(RowOwner.SameUnitColleague);
        var transaction = new ExecuteTransactionRequest
        {
            Requests = [Request("GrantAccess", ann, AccessRights.ReadAccess), new UpdateRequest { Target = new Entity("account", bobsRow) { ["name"] = "x" } }],
        };
        var before = _world.Env.Store.Snapshot();

        Assert.That(SecurityWorld.Denial(() => _dee.Execute(transaction)), Is.Not.Null, "Dee cannot write Bob's row");
        Assert.That(_world.Env.Store.Snapshot(), Is.EqualTo(before));
        Assert.That(AnnSees(), Is.False);
    }

    [Test]
    public void Organization_owned_rows_cannot_be_shared()
    {
        var currency = _world.System.Create(new Entity("transactioncurrency") { ["currencyname"] = "Euro" });

        var error = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _world.System.Execute(new OrganizationRequest("GrantAccess")
        {
            ["Target"] = new EntityReference("transactioncurrency", currency),
            ["Principal"] = new EntityReference("systemuser", _world.Ann),
            ["AccessMask"] = AccessRights.ReadAccess,
        }));

        Assert.That(error!.Detail.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
    }

    private OrganizationRequest Request(string message, EntityReference principal, object mask) =>
        new(message) { ["Target"] = _row, ["Principal"] = principal, ["AccessMask"] = mask };

    private bool AnnSees() => _world.AsAnn.RetrieveMultiple(new QueryExpression("account")).Entities.Any(e => e.Id == _row.Id);
}
