using System;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Solution.Model;

namespace Rapport.Feed.Crm.Tests;

/// <summary>
/// The platform's SendEmail message, which the emulator does not carry: like Dataverse it takes EmailId, IssueSend and
/// TrackingToken and moves the e-mail to Completed / Pending Send (statecode 1, statuscode 6), from where
/// server-side synchronization sends it. https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/sendemail
/// and https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/email (status reasons).
/// <see cref="Failing"/> makes it fail, as an unreachable mailbox would.
/// </summary>
public sealed class SendEmailDouble : IPlugin
{
    public static bool Failing { get; set; }

    public static void Register(DataverseEmulator env) => env.RegisterCustomApi(
        new CustomApiDefinition("SendEmail", "Send Email", typeof(SendEmailDouble).FullName!)
        {
            RequestParameters =
            [
                new CustomApiFieldDefinition("EmailId", "Email Id", CustomApiFieldType.Guid),
                new CustomApiFieldDefinition("IssueSend", "Issue Send", CustomApiFieldType.Boolean),
                new CustomApiFieldDefinition("TrackingToken", "Tracking Token", CustomApiFieldType.String) { IsOptional = true },
            ],
            ResponseProperties = [new CustomApiFieldDefinition("Subject", "Subject", CustomApiFieldType.String)],
        },
        typeof(SendEmailDouble).Assembly);

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (Failing)
        {
            throw new InvalidPluginExecutionException("The mailbox is not approved for sending.");
        }

        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var service = factory.CreateOrganizationService(null);
        var id = context.InputParameters["EmailId"] is Guid g ? g : Guid.Empty;
        var email = service.Retrieve("email", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("subject"));
        service.Execute(new OrganizationRequest("SetState")
        {
            ["EntityMoniker"] = new EntityReference("email", id),
            ["State"] = new OptionSetValue(1),
            ["Status"] = new OptionSetValue(6),
        });
        context.OutputParameters["Subject"] = email.GetAttributeValue<string>("subject") ?? string.Empty;
    }
}
