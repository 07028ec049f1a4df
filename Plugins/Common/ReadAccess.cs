using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Plugins.Common;

/// <summary>
/// A read the caller is refused fails as Dataverse refuses it: the platform's own fault code and message —
/// 0x80040220 (PrivilegeDenied: "Principal user … is missing prvRead… privilege") or 0x80048306 ("… does not have
/// ReadAccess right(s) for record with Id = …"), learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes —
/// with HTTP 403 for the Web API, instead of an empty answer that reads like "nothing here yet".
/// </summary>
public static class ReadAccess
{
    public const int PrivilegeDenied = unchecked((int)0x80040220);

    public const int AccessCheckFailed = unchecked((int)0x80048306);

    /// <summary>One Retrieve as <paramref name="reader"/> (no columns): passes when the caller can read the row.</summary>
    public static void Require(IOrganizationService reader, string table, Guid id) =>
        Retrieve(reader, table, id, new ColumnSet(false));

    /// <summary>A Retrieve as the caller whose access fault keeps its code and message (anything else is left to the policy).</summary>
    public static Entity Retrieve(IOrganizationService reader, string table, Guid id, ColumnSet columns)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        try
        {
            return reader.Retrieve(table, id, columns);
        }
        catch (FaultException<OrganizationServiceFault> fault) when (IsAccessFault(fault.Detail?.ErrorCode))
        {
            throw new InvalidPluginExecutionException(OperationStatus.Failed, fault.Detail!.ErrorCode, fault.Detail.Message ?? fault.Message, PluginHttpStatusCode.Forbidden);
        }
    }

    public static bool IsAccessFault(int? code) => code == PrivilegeDenied || code == AccessCheckFailed;
}
