using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

// The fault detail of a failed ExecuteTransaction: which request of the batch failed.
// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.executetransactionfault
[Serializable]
[DataContract(Name = "ExecuteTransactionFault", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
public sealed class ExecuteTransactionFault : OrganizationServiceFault
{
    public ExecuteTransactionFault()
    {
    }

    [DataMember]
    public int FaultedRequestIndex { get; set; }
}
