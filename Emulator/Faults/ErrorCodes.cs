namespace Rapport.Emulator.Faults;

/// <summary>
/// Dataverse's error codes (OrganizationServiceFault.ErrorCode), as the platform raises them. One place, so tests
/// and handlers agree. Hex in the comment is the code as documented in the web service error list.
/// </summary>
public static class ErrorCodes
{
    /// <summary>0x80040203 InvalidArgument: a missing or malformed request argument, an attribute value of the wrong type.</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);

    /// <summary>0x80040217 ObjectDoesNotExist: "{table} With Id = {id} Does Not Exist" (also for a lookup to a missing row).</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>0x80040237 DuplicateRecord: "Cannot insert duplicate key." (same primary key, same N:N pair).</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);

    /// <summary>0x80060892 DuplicateRecordEntityKey: another row already holds these alternate-key values.</summary>
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);

    /// <summary>0x80041102 QueryBuilderNoEntity: no table with that logical name in the metadata.</summary>
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);

    /// <summary>0x80041103 QueryBuilderNoAttribute: "'{table}' entity doesn't contain attribute with Name = '{column}'".</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);

    /// <summary>0x80040220 PrivilegeDenied: "Principal user (Id=…) is missing prv… privilege".</summary>
    public const int PrivilegeDenied = unchecked((int)0x80040220);

    /// <summary>0x80048306 (-2147187962): the principal holds the privilege, but the row is outside its depth and not
    /// shared ("SecLib::AccessCheckEx failed"; "... does not have ReadAccess right(s) for record ...").</summary>
    public const int AccessCheckFailed = unchecked((int)0x80048306);

    /// <summary>0x8004430D: a query joins more than 15 link-entities ("Number of link entities in query exceeded maximum limit.").</summary>
    public const int TooManyLinkEntities = unchecked((int)0x8004430D);

    /// <summary>0x8004E023 AggregateQueryRecordLimitExceeded: an aggregate fetch reads more rows than aggregatelimit (default 50,000).</summary>
    public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);

    /// <summary>0x80060891: the KeyAttributes of a reference do not form an alternate key defined on the table.</summary>
    public const int EntityKeyNotDefined = unchecked((int)0x80060891);

    /// <summary>0x80040216 (-2147220970): the code Dataverse reports when the depth guard (8) stops an infinite loop.</summary>
    public const int InfiniteLoopDetected = unchecked((int)0x80040216);

    /// <summary>0x80060882 ConcurrencyVersionMismatch: the RowVersion sent does not match the stored one.</summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

    /// <summary>0x80060883 ConcurrencyVersionNotProvided: IfRowVersionMatches without a RowVersion.</summary>
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);

    /// <summary>0x80044331 StringLengthTooLong: a text value longer than the column's MaxLength.</summary>
    public const int StringLengthTooLong = unchecked((int)0x80044331);

    /// <summary>0x8004431A NumberOutOfRange/OutOfRange: a choice value not in the option set, a number outside min/max.</summary>
    public const int OutOfRange = unchecked((int)0x8004431A);

    /// <summary>0x80040265 IsvAborted: an InvalidPluginExecutionException without its own ErrorCode.</summary>
    public const int IsvAborted = unchecked((int)0x80040265);

    /// <summary>0x80040224 PluginUnhandledException: "Unexpected exception from plug-in (Execute)" for other exceptions.</summary>
    public const int UnexpectedPluginException = unchecked((int)0x80040224);

    /// <summary>0x8004B0A4 ExecuteMultiple batch larger than MaxBatchSize (1000); ErrorDetails carries MaxBatchSize.</summary>
    public const int BatchSizeExceeded = unchecked((int)0x8004B0A4);

    /// <summary>0x80040800 RequestNotSupported / unrecognized message name.</summary>
    public const int UnrecognizedRequest = unchecked((int)0x80040800);

    /// <summary>0x8004F00A InvalidStateCodeStatusCode: statuscode not allowed with the statecode.</summary>
    public const int InvalidStateTransition = unchecked((int)0x8004F00A);

    /// <summary>0x80040227 CannotDeleteDueToAssociation: a Restrict relationship still has referencing rows.</summary>
    public const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);

    /// <summary>0x80041129: the emulator's code for FetchXML it cannot read (not well-formed XML, a required attribute
    /// missing). Where the web service error list names a specific code, the constants below are used instead.</summary>
    public const int InvalidFetchXml = unchecked((int)0x80041129);

    /// <summary>0x8004111C QueryBuilderDeserializeInvalidNode: "The element node encountered is invalid."</summary>
    public const int FetchInvalidNode = unchecked((int)0x8004111C);

    /// <summary>0x80041117 QueryBuilderDeserializeInvalidLinkType: a link-type FetchXML does not know.</summary>
    public const int FetchInvalidLinkType = unchecked((int)0x80041117);

    /// <summary>0x80041120 QueryBuilderInvalidConditionOperator: "Unsupported condition operator."</summary>
    public const int FetchInvalidConditionOperator = unchecked((int)0x80041120);

    /// <summary>0x80041122 QueryBuilderInvalidFilterType: "Unsupported filter type. Valid values are 'and', or 'or'."</summary>
    public const int FetchInvalidFilterType = unchecked((int)0x80041122);

    /// <summary>0x80041130 QueryBuilderDuplicateAlias: "FetchXML should have unique aliases."</summary>
    public const int DuplicateAlias = unchecked((int)0x80041130);

    /// <summary>0x8004112A QueryBuilderInvalidPagingCookie: "Invalid page number in paging cookie."</summary>
    public const int InvalidPagingCookie = unchecked((int)0x8004112A);
}
