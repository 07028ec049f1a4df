using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>
/// Auto-follows on create and assign. Its steps are registered at run time by <see cref="AutoFollowRulePlugin"/>
/// (post-operation, synchronous) with the table's active rules as unsecure configuration.
/// </summary>
public sealed class AutoFollowPlugin : PluginBase
{
    public AutoFollowPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override bool AcceptsRuntimeSteps => true;

    protected override void ExecuteStep(LocalPluginContext context)
    {
        if (UnsecureConfiguration.Length == 0)
        {
            context.Trace("AutoFollowPlugin: the step carries no rules; nothing followed.");
            return;
        }

        var created = AutoFollowService.Apply(context, UnsecureConfiguration);
        context.Trace("AutoFollowPlugin: {0} follow(s) created.", created);
    }
}
