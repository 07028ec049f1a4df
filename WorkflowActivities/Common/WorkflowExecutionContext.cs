using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.WorkflowActivities.Common;

/// <summary>
/// A workflow's context seen as a plugin's, so an activity hands the shared services (Plugins/Services, written against
/// LocalPluginContext) the context a Custom API call would give them. Every member is the workflow's, except:
/// <list type="bullet">
/// <item>InitiatingUserId is the workflow's user (UserId). The services treat InitiatingUserId as "the caller" whose
/// rights decide (e.g. whose digest may be built); for an activity that is the user the workflow runs as, because it
/// is the workflow's owner (or the real-time workflow's caller) who chose what the workflow does. The user who really
/// started the workflow is still what the steps triggered by the activity's requests see: the service factory
/// carries it.</item>
/// <item>Stage is post-operation and ParentContext is null: no plugin pipeline stands behind an activity.</item>
/// </list>
/// </summary>
internal sealed class WorkflowExecutionContext : IPluginExecutionContext
{
    private const int PostOperation = 40;
    private readonly IWorkflowContext _workflow;

    public WorkflowExecutionContext(IWorkflowContext workflow)
    {
        _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
    }

    public int Mode => _workflow.Mode;

    public int IsolationMode => _workflow.IsolationMode;

    public int Depth => _workflow.Depth;

    public string MessageName => _workflow.MessageName;

    public string PrimaryEntityName => _workflow.PrimaryEntityName;

    public Guid? RequestId => _workflow.RequestId;

    public string SecondaryEntityName => _workflow.SecondaryEntityName;

    public ParameterCollection InputParameters => _workflow.InputParameters;

    public ParameterCollection OutputParameters => _workflow.OutputParameters;

    public ParameterCollection SharedVariables => _workflow.SharedVariables;

    public Guid UserId => _workflow.UserId;

    public Guid InitiatingUserId => _workflow.UserId;

    public Guid BusinessUnitId => _workflow.BusinessUnitId;

    public Guid OrganizationId => _workflow.OrganizationId;

    public string OrganizationName => _workflow.OrganizationName;

    public Guid PrimaryEntityId => _workflow.PrimaryEntityId;

    public EntityImageCollection PreEntityImages => _workflow.PreEntityImages;

    public EntityImageCollection PostEntityImages => _workflow.PostEntityImages;

    public EntityReference OwningExtension => _workflow.OwningExtension;

    public Guid CorrelationId => _workflow.CorrelationId;

    public bool IsExecutingOffline => _workflow.IsExecutingOffline;

    public bool IsOfflinePlayback => _workflow.IsOfflinePlayback;

    public bool IsInTransaction => _workflow.IsInTransaction;

    public Guid OperationId => _workflow.OperationId;

    public DateTime OperationCreatedOn => _workflow.OperationCreatedOn;

    public int Stage => PostOperation;

    public IPluginExecutionContext? ParentContext => null;
}
