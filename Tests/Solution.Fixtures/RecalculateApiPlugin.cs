using Rapport.Plugins.Common;

namespace Rapport.Solution.Fixtures;

/// <summary>A Custom API implementation: a plugin type without steps.</summary>
public sealed class RecalculateApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
    }
}
