using System;
using Microsoft.Xrm.Sdk;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

/// <summary>
/// A plugin's user service acts with the context user's rights, CreateOrganizationService(null) as SYSTEM
/// (https://learn.microsoft.com/power-apps/developer/data-platform/impersonate-a-user), and a step registered to run as another user changes UserId but not InitiatingUserId.
/// </summary>
public sealed class PluginImpersonationTests
{
    private SecurityWorld _world = null!;

    [SetUp]
    public void Arrange()
    {
        _world = new SecurityWorld();
        _world.Security.CreateRole("Task author", ("task", Create, Basic), ("account", Read, Local));
        _world.Security.AssignRoles(_world.Ann, "Task author");
        _world.Security.AssignRoles(_world.Dee, "Task author");
        _world.Account(RowOwner.SameUnitColleague, "Sales 1");
        _world.Account(RowOwner.SameUnitColleague, "Sales 2");
        _world.Account(RowOwner.OtherUnitUser, "Support 1");
    }

    [Test]
    public void The_user_service_sees_what_the_caller_may_read_and_the_system_service_sees_everything()
    {
        RegisterStep(runAs: null);

        _world.AsAnn.Create(new Entity("task") { ["subject"] = "Call" });

        Assert.That(_world.Env.Traces.Text, Does.Contain($"user={_world.Ann:D} initiating={_world.Ann:D} asUser=2 asSystem=3"));
    }

    [Test]
    public void A_step_running_as_another_user_reads_with_that_users_rights()
    {
        RegisterStep(runAs: _world.Dee);

        _world.AsAnn.Create(new Entity("task") { ["subject"] = "Call" });

        Assert.That(_world.Env.Traces.Text, Does.Contain($"user={_world.Dee:D} initiating={_world.Ann:D} asUser=1 asSystem=3"));
    }

    private void RegisterStep(Guid? runAs)
    {
        var system = _world.System;
        var type = typeof(ReadAsUserAndSystemPlugin);
        _world.Env.AddPluginAssembly(type.Assembly);
        var typeId = system.Create(new Entity("plugintype") { ["name"] = type.FullName, ["typename"] = type.FullName });
        var messageId = system.Create(new Entity("sdkmessage") { ["name"] = "Create" });
        var filterId = system.Create(new Entity("sdkmessagefilter") { ["sdkmessageid"] = new EntityReference("sdkmessage", messageId), ["primaryobjecttypecode"] = "task" });
        system.Create(new Entity("sdkmessageprocessingstep")
        {
            ["name"] = "ReadAsUserAndSystemPlugin: Create of task",
            ["plugintypeid"] = new EntityReference("plugintype", typeId),
            ["sdkmessageid"] = new EntityReference("sdkmessage", messageId),
            ["sdkmessagefilterid"] = new EntityReference("sdkmessagefilter", filterId),
            ["stage"] = new OptionSetValue(40),
            ["mode"] = new OptionSetValue(0),
            ["rank"] = 1,
            ["impersonatinguserid"] = runAs is { } user ? new EntityReference("systemuser", user) : null,
        });
    }
}
