using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Faults;

/// <summary>Builds the FaultException&lt;OrganizationServiceFault&gt; Dataverse raises, with its code and wording.</summary>
public static class Fault
{
    public static FaultException<OrganizationServiceFault> Create(int code, string message, IReadOnlyDictionary<string, object>? details = null)
    {
        var detail = new OrganizationServiceFault { ErrorCode = code, Message = message, Timestamp = DateTime.UtcNow };
        if (details is not null)
        {
            foreach (var pair in details)
            {
                detail.ErrorDetails[pair.Key] = pair.Value;
            }
        }

        return new FaultException<OrganizationServiceFault>(detail, new FaultReason(message));
    }

    /// <summary>The fault ExecuteTransaction raises: the failed request's code and message, with its index.</summary>
    public static FaultException<OrganizationServiceFault> InTransaction(OrganizationServiceFault inner, int faultedRequestIndex)
    {
        var detail = new ExecuteTransactionFault
        {
            ErrorCode = inner.ErrorCode,
            Message = inner.Message,
            Timestamp = DateTime.UtcNow,
            FaultedRequestIndex = faultedRequestIndex,
            InnerFault = inner.InnerFault,
        };
        foreach (var pair in inner.ErrorDetails)
        {
            detail.ErrorDetails[pair.Key] = pair.Value;
        }

        return new FaultException<OrganizationServiceFault>(detail, new FaultReason(inner.Message ?? ""));
    }

    public static FaultException<OrganizationServiceFault> MissingArgument(string name) =>
        Create(ErrorCodes.InvalidArgument, $"Required field '{name}' is missing");

    public static FaultException<OrganizationServiceFault> InvalidArgument(string message) =>
        Create(ErrorCodes.InvalidArgument, message);

    public static FaultException<OrganizationServiceFault> DoesNotExist(string table, Guid id) =>
        Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id:D} Does Not Exist");

    public static FaultException<OrganizationServiceFault> DoesNotExistByKey(string table, string keyText) =>
        Create(ErrorCodes.ObjectDoesNotExist, $"A record with the specified key values does not exist in {table} entity ({keyText})");

    public static FaultException<OrganizationServiceFault> KeyNotDefined(string table, IEnumerable<string> columns) =>
        Create(ErrorCodes.EntityKeyNotDefined,
            $"The specified key attributes are not a defined key for the {table} entity ({string.Join(",", columns)}).");

    public static FaultException<OrganizationServiceFault> NoEntity(string table) =>
        Create(ErrorCodes.QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    public static FaultException<OrganizationServiceFault> NoAttribute(string table, string column) =>
        Create(ErrorCodes.QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    public static FaultException<OrganizationServiceFault> DuplicateKey() =>
        Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");

    public static FaultException<OrganizationServiceFault> DuplicateAlternateKey(string keyName, string values) =>
        Create(ErrorCodes.DuplicateRecordEntityKey,
            $"A record that has the attribute values {values} already exists. The entity key {keyName} requires that this set of attributes contains unique values. Select unique values and try again.");

    public static FaultException<OrganizationServiceFault> WrongType(string table, string column, object value) =>
        Create(ErrorCodes.InvalidArgument,
            $"Incorrect attribute value type {value.GetType().FullName} for attribute '{column}' of entity '{table}'.");

    public static FaultException<OrganizationServiceFault> TooLong(string table, string column, int max) =>
        Create(ErrorCodes.StringLengthTooLong,
            $"A validation error occurred.  The length of the '{column}' attribute of the '{table}' entity exceeded the maximum allowed length of '{max.ToString(CultureInfo.InvariantCulture)}'.");

    public static FaultException<OrganizationServiceFault> OutOfRange(string table, string column, object value, string accepted) =>
        Create(ErrorCodes.OutOfRange,
            $"A validation error occurred.  The value {Convert.ToString(value, CultureInfo.InvariantCulture)} of '{column}' on record of type '{table}' is outside the valid range. Accepted Values: {accepted}");

    public static FaultException<OrganizationServiceFault> InfiniteLoop() =>
        Create(ErrorCodes.InfiniteLoopDetected,
            "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again. For information about workflow logic, see Help.");

    public static FaultException<OrganizationServiceFault> VersionMismatch() =>
        Create(ErrorCodes.ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");

    public static FaultException<OrganizationServiceFault> VersionNotProvided() =>
        Create(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");

    public static FaultException<OrganizationServiceFault> PrivilegeDenied(Guid userId, string privilege, string table) =>
        Create(ErrorCodes.PrivilegeDenied,
            $"Principal user (Id={userId:D}, type=8) is missing {privilege} privilege on OTC for entity '{table}'.");

    public static FaultException<OrganizationServiceFault> UnknownMessage(string name) =>
        Create(ErrorCodes.UnrecognizedRequest, $"Unrecognized request name: {name}. The message '{name}' is not supported.");

    public static FaultException<OrganizationServiceFault> InvalidFetchXml(string reason) =>
        Create(ErrorCodes.InvalidFetchXml, $"Invalid FetchXml: {reason}");
}
