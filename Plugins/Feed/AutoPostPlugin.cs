using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>
/// Auto-posts on tracked tables. Its steps are registered at run time by <see cref="FeedConfigPlugin"/> (post-operation,
/// synchronous) with the tracking configuration as unsecure configuration (a deleted record's follows go through FollowCleanupPlugin).
/// </summary>
public sealed class AutoPostPlugin : PluginBase
{
    public AutoPostPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override bool AcceptsRuntimeSteps => true;

    protected override void ExecuteStep(LocalPluginContext context)
    {
        if (UnsecureConfiguration.Length == 0)
        {
            context.Trace("AutoPostPlugin: the step carries no tracking configuration; nothing posted.");
            return;
        }

        AutoPostService.Post(context, UnsecureConfiguration);
    }
}
