using System;
using System.ServiceModel;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;
using Rapport.LocalEnvironment.Web;

namespace Rapport.LocalEnvironment;

/// <summary>
/// The local environment's scheduler: what a recurring flow does in Dataverse. Every <see cref="LocalOptions.JobInterval"/>
/// it calls rapport_DeliverDigests (again while HasMore; e-mails are left as drafts, there is no mailbox) and
/// rapport_SweepFollows (again while it returns a continuation) as the local administrator, and it
/// serves the digests' unsubscribe link (/rapport/unsubscribe?token=…, no sign-in: the token is the authority).
/// </summary>
public sealed partial class LocalHost
{
    public const string UnsubscribePath = "/rapport/unsubscribe";
    private const int MaxCallsPerJob = 20;
    private Timer? _jobs;

    /// <summary>Runs the scheduled feed jobs once; returns the digests sent (0 before Rapport is imported).</summary>
    public int RunScheduledJobs()
    {
        lock (_gate)
        {
            var sent = 0;
            try
            {
                Tick();
                var admin = Environment.GetService(AdministratorId);
                for (var call = 0; call < MaxCallsPerJob; call++)
                {
                    var run = admin.Execute(new OrganizationRequest("rapport_DeliverDigests")
                    {
                        ["UnsubscribeUrl"] = new Uri(BaseUrl, UnsubscribePath.TrimStart('/')).ToString(),
                        ["SendEmail"] = false, // no mailbox here: the e-mail stays a draft activity, the notification shows in the app
                    });
                    sent += run.Results["Sent"] is int n ? n : 0;
                    if (run.Results["HasMore"] is not true)
                    {
                        break;
                    }
                }

                var continuation = string.Empty;
                for (var call = 0; call < MaxCallsPerJob; call++)
                {
                    var sweep = admin.Execute(new OrganizationRequest("rapport_SweepFollows") { ["Continuation"] = continuation });
                    continuation = sweep.Results["Continuation"] as string ?? string.Empty;
                    if (continuation.Length == 0)
                    {
                        break;
                    }
                }
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                // Rapport not imported yet, or a failed run (rolled back): the next tick resumes.
                Console.Error.WriteLine($"Scheduled feed jobs: {fault.Detail?.Message ?? fault.Message}");
            }
            finally
            {
                _data?.Commit(Environment);
            }

            return sent;
        }
    }

    private void StartJobs(TimeSpan interval)
    {
        if (interval > TimeSpan.Zero)
        {
            _jobs = new Timer(_ => RunScheduledJobs(), null, interval, interval);
        }
    }

    private async Task UnsubscribeAsync(HttpContext context)
    {
        bool done;
        string message;
        lock (_gate)
        {
            try
            {
                Tick();
                var response = Environment.GetService(AdministratorId).Execute(new OrganizationRequest("rapport_UnsubscribeDigest") { ["Token"] = context.Request.Query["token"].ToString() });
                done = true;
                message = response.Results["Unsubscribed"] is true ? "You will get no more Rapport digests." : "You were not subscribed to Rapport digests.";
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                done = false;
                message = fault.Detail?.Message ?? fault.Message;
            }
            finally
            {
                _data?.Commit(Environment);
            }
        }

        await SignIn.WritePageAsync(context, done ? 200 : 400, done ? "Unsubscribed" : "Not unsubscribed", System.Net.WebUtility.HtmlEncode(message)).ConfigureAwait(false);
    }
}
