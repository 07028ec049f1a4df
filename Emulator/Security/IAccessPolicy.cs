using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Store;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security;

/// <summary>
/// The one place a principal's access is decided. Every data access of every handler goes through
/// <see cref="DataAccess"/>, which asks this policy; the role model (business units, roles, depths, sharing) plugs in
/// here. The emulator turns a refusal into Dataverse's PrivilegeDenied fault.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>True when the user holds the privilege on this row (row is null for Create before the row exists,
    /// and carries the values about to be written for Create).</summary>
    bool HasAccess(AccessRequest request);

    /// <summary>A filter for queries: rows the user cannot read are trimmed. Null means every row is visible.</summary>
    Func<Row, bool>? ReadFilter(Guid userId, string table);

    /// <summary>The PrivilegeDenied fault for a refused request; a policy may word it per cause (missing privilege, row out of reach).</summary>
    FaultException<OrganizationServiceFault> Denied(AccessRequest request) =>
        Fault.PrivilegeDenied(request.UserId, "prv" + request.Privilege + request.Table, request.Table);
}

/// <summary>One access question: who, which privilege, on which table, on which row (or the values of a new one).</summary>
public sealed record AccessRequest(Guid UserId, PrivilegeType Privilege, string Table, Row? Row, Guid? OwnerId = null);
