namespace Microsoft.Xrm.Sdk.Messages;

public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
        Requests = null;
        Settings = null;
    }

    public OrganizationRequestCollection? Requests
    {
        get => Get<OrganizationRequestCollection>("Requests");
        set => Parameters["Requests"] = value;
    }

    public ExecuteMultipleSettings? Settings
    {
        get => Get<ExecuteMultipleSettings>("Settings");
        set => Parameters["Settings"] = value;
    }
}

public sealed class ExecuteMultipleResponse : OrganizationResponse
{
    public ExecuteMultipleResponse()
    {
    }

    public bool IsFaulted => Get<bool>("IsFaulted");

    public ExecuteMultipleResponseItemCollection Responses => Get<ExecuteMultipleResponseItemCollection>("Responses");
}

public sealed class ExecuteTransactionRequest : OrganizationRequest
{
    public ExecuteTransactionRequest()
    {
        RequestName = "ExecuteTransaction";
        Requests = null;
    }

    public OrganizationRequestCollection? Requests
    {
        get => Get<OrganizationRequestCollection>("Requests");
        set => Parameters["Requests"] = value;
    }

    public bool? ReturnResponses
    {
        get => Get<bool?>("ReturnResponses");
        set => Parameters["ReturnResponses"] = value;
    }
}

public sealed class ExecuteTransactionResponse : OrganizationResponse
{
    public ExecuteTransactionResponse()
    {
    }

    public OrganizationResponseCollection Responses => Get<OrganizationResponseCollection>("Responses");
}
