using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Tests;

internal static class FaultAssert
{
    /// <summary>The call fails with Dataverse's fault code, and the store is exactly as before.</summary>
    public static OrganizationServiceFault Throws(DataverseEmulator env, int code, Action call)
    {
        var before = env.Store.Snapshot();
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => call())!;
        Assert.That(fault.Detail.ErrorCode, Is.EqualTo(code), fault.Detail.Message);
        Assert.That(env.Store.Snapshot(), Is.EqualTo(before), "the store changed");
        return fault.Detail;
    }
}
