using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Rapport.LocalEnvironment;

/// <summary>
/// The host does not own the process's signals: the CLI decides what Ctrl+C and SIGTERM do (stop, exit 0), and tests
/// run several hosts in one process. The default console lifetime would let SIGTERM end the process with 143.
/// </summary>
internal sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
