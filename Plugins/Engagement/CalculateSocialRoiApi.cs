using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;
using A = Rapport.Plugins.Engagement.EngagementApiParameters;

namespace Rapport.Plugins.Engagement;

/// <summary>rapport_CalculateSocialRoi: each ROI part of a programme or a campaign over [From, To), the total and ROI.</summary>
public sealed class CalculateSocialRoiApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var x = context.ExecutionContext;
        var programme = A.OptionalGuid(x, "ProgrammeId");
        var campaign = A.OptionalGuid(x, "CampaignId");
        if ((programme is null) == (campaign is null))
        {
            throw new InvalidPluginExecutionException("Give exactly one of ProgrammeId (rapport_socialprogramme) or CampaignId (campaign).");
        }

        var subject = programme is { } p ? new EntityReference(EngagementSchema.Programme, p) : new EntityReference("campaign", campaign!.Value);
        var result = SocialRoiService.Calculate(context.UserService, new RoiRequest(subject, A.RequiredDate(x, "From"), A.RequiredDate(x, "To"))
        {
            MarginPerRedemption = A.OptionalDecimal(x, "MarginPerRedemption"),
            MarginRate = A.OptionalDecimal(x, "MarginRate"),
            TraditionalCostPerContact = A.OptionalDecimal(x, "TraditionalCostPerContact"),
            SocialCostPerContact = A.OptionalDecimal(x, "SocialCostPerContact"),
        });
        x.OutputParameters["OfferProfit"] = result.OfferProfit;
        x.OutputParameters["ReferralValue"] = result.ReferralValue;
        x.OutputParameters["ClvLift"] = result.ClvLift;
        x.OutputParameters["ServiceSavings"] = result.ServiceSavings;
        x.OutputParameters["TotalGains"] = result.TotalGains;
        x.OutputParameters["Cost"] = result.Cost;
        x.OutputParameters["Roi"] = result.Roi ?? 0m;
        x.OutputParameters["RoiDefined"] = result.Roi is not null;
        x.OutputParameters["Details"] = SocialRoiService.ToJson(result);
    }
}
