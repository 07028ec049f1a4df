using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Pipeline;

/// <summary>ITracingService for one step execution: collects lines for the trace log and the fault's TraceText.</summary>
internal sealed class TraceCollector : ITracingService
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public void Trace(string format, params object?[] args)
    {
        _text.AppendLine(args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format);
    }
}
