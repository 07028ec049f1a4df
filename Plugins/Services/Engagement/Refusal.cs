using System;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Engagement;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>Runs domain code and turns its refusals into the platform's exception: our own type never leaves the sandbox.</summary>
public static class Refusal
{
    public static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (EngagementException error)
        {
            throw new InvalidPluginExecutionException(OperationStatus.Failed, error.Message);
        }
    }

    public static void Guard(Action work) => Guard(() =>
    {
        work();
        return true;
    });
}
