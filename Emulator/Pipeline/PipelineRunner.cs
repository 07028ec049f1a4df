using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Handlers;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// The event pipeline of one request: PreValidation (outside the transaction at the top level), then inside one
/// transaction PreOperation, the core operation, PostOperation sync, and async steps queued for after the commit.
/// Any exception rolls back every write of the request, nested requests included.
/// </summary>
internal sealed class PipelineRunner
{
    private readonly Organization _org;

    public PipelineRunner(Organization org)
    {
        _org = org;
    }

    public void Run(IMessageHandler handler, PipelineEvent evt, CallerContext caller, ParameterCollection input, ParameterCollection output)
    {
        var steps = _org.Steps.For(evt.Message, evt.PrimaryEntityName);
        var execution = new Execution(_org, evt, caller, input, output, steps);
        execution.CapturePreImages();
        execution.RunStage(10, async: false);
        var mark = _org.BeginTransaction();
        try
        {
            execution.RunStage(20, async: false);
            handler.Execute(new HandlerContext(_org, caller, input, output, evt));
            execution.CapturePostImages();
            execution.RunStage(40, async: false);
            execution.RunStage(40, async: true);
            _org.Commit();
        }
        catch
        {
            _org.Rollback(mark);
            throw;
        }
    }

    /// <summary>The state one request's stages share: SharedVariables, images, operation id.</summary>
    private sealed class Execution
    {
        private const string TagParameter = "tag";

        private readonly Organization _org;
        private readonly PipelineEvent _evt;
        private readonly CallerContext _caller;
        private readonly ParameterCollection _input;
        private readonly ParameterCollection _output;
        private readonly IReadOnlyList<PluginStep> _steps;
        private readonly ParameterCollection _shared = new();
        private readonly Guid _operationId = Guid.NewGuid();
        private Entity?[] _pre = [];
        private Entity?[] _post = [];

        public Execution(Organization org, PipelineEvent evt, CallerContext caller, ParameterCollection input, ParameterCollection output, IReadOnlyList<PluginStep> steps)
        {
            _org = org;
            _evt = evt;
            _caller = caller;
            _input = input;
            _output = output;
            _steps = steps;
            // The optional tag parameter reaches every step as SharedVariables["tag"]
            // (learn.microsoft.com/power-apps/developer/data-platform/optional-parameters#add-a-shared-variable-to-the-plugin-execution-context).
            if (input.TryGetValue(TagParameter, out var tag) && tag is not null)
            {
                _shared[TagParameter] = tag;
            }
        }

        public void CapturePreImages()
        {
            if (_steps.Any(s => s.Images.Any(i => i.IsPre)))
            {
                _pre = _evt.Targets.Select(Load).ToArray();
            }
        }

        public void CapturePostImages()
        {
            if (_steps.Any(s => s.Stage == 40 && s.Images.Any(i => i.IsPost)))
            {
                _post = _evt.Targets.Select(Load).ToArray();
            }
        }

        public void RunStage(int stage, bool async)
        {
            foreach (var step in _steps)
            {
                if (step.Stage != stage || step.IsAsync != async)
                {
                    continue;
                }

                var sameShape = string.Equals(step.Message, _evt.Message, StringComparison.OrdinalIgnoreCase);
                var stepIsMultiple = BulkShapes.IsMultiple(step.Message);
                if (sameShape || stepIsMultiple)
                {
                    var indexes = Enumerable.Range(0, _evt.Targets.Count).Where(i => Passes(step, i)).ToArray();
                    if (_evt.Targets.Count > 0 && indexes.Length == 0)
                    {
                        continue;
                    }

                    var input = sameShape ? _input : MultipleInput();
                    var output = sameShape ? _output : MultipleOutput();
                    Dispatch(step, stage, input, output, stepIsMultiple ? -1 : 0);
                }
                else
                {
                    // A single-record step on a bulk request runs once per record, as Dataverse does.
                    for (var i = 0; i < _evt.Targets.Count; i++)
                    {
                        if (Passes(step, i))
                        {
                            Dispatch(step, stage, SingleInput(i), SingleOutput(i), i);
                        }
                    }
                }
            }
        }

        private void Dispatch(PluginStep step, int stage, ParameterCollection input, ParameterCollection output, int targetIndex)
        {
            var multiple = targetIndex < 0;
            var context = new PluginExecutionContext
            {
                Mode = step.Mode,
                Depth = _caller.Depth,
                MessageName = step.Message,
                PrimaryEntityName = _evt.PrimaryEntityName,
                InputParameters = step.IsAsync ? Copy(input) : input,
                OutputParameters = step.IsAsync ? Copy(output) : output,
                SharedVariables = _shared,
                // The step's run-as user (impersonatinguserid) when set; InitiatingUserId stays the original caller.
                UserId = step.RunAsUserId ?? _caller.UserId,
                InitiatingUserId = _caller.InitiatingUserId,
                BusinessUnitId = _org.BusinessUnitOf(step.RunAsUserId ?? _caller.UserId),
                OrganizationId = _org.OrganizationId,
                PrimaryEntityId = multiple ? Guid.Empty : _evt.Targets.Count > targetIndex ? _evt.Targets[targetIndex].Id : Guid.Empty,
                PreEntityImages = multiple ? new EntityImageCollection() : Images(step, stage, _pre, targetIndex, pre: true),
                PostEntityImages = multiple ? new EntityImageCollection() : Images(step, stage, _post, targetIndex, pre: false),
                PreEntityImagesCollection = multiple ? _evt.Targets.Select((_, i) => Images(step, stage, _pre, i, pre: true)).ToArray() : [],
                PostEntityImagesCollection = multiple ? _evt.Targets.Select((_, i) => Images(step, stage, _post, i, pre: false)).ToArray() : [],
                CorrelationId = _caller.CorrelationId,
                IsInTransaction = !step.IsAsync && (stage != 10 || _org.InTransaction),
                OperationId = _operationId,
                OperationCreatedOn = _org.Clock.UtcNow,
                Stage = stage,
                ParentContext = _caller.Parent,
                OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Id) { Name = step.Name },
            };
            if (step.IsAsync)
            {
                _org.Async.Add(new AsyncJob(step, context));
            }
            else
            {
                _org.Executor.Run(step, context);
            }
        }

        // Filtering attributes apply to Update: the step runs only when the Target carries one of them.
        private bool Passes(PluginStep step, int index)
        {
            if (step.FilteringAttributes is null || !_evt.Message.StartsWith("Update", StringComparison.Ordinal))
            {
                return true;
            }

            var target = _evt.Targets[index].Entity;
            return target is not null && target.Attributes.Keys.Any(step.FilteringAttributes.Contains);
        }

        private EntityImageCollection Images(PluginStep step, int stage, Entity?[] rows, int index, bool pre)
        {
            var images = new EntityImageCollection();
            if (index < 0 || index >= rows.Length || rows[index] is not { } row || (!pre && stage != 40))
            {
                return images;
            }

            foreach (var image in step.Images.Where(i => pre ? i.IsPre : i.IsPost))
            {
                var copy = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion };
                foreach (var pair in row.Attributes)
                {
                    if (image.Columns is null || image.Columns.Contains(pair.Key))
                    {
                        copy.Attributes[pair.Key] = ValueValidator.Copy(pair.Value);
                    }
                }

                foreach (var pair in row.FormattedValues)
                {
                    if (copy.Attributes.ContainsKey(pair.Key))
                    {
                        copy.FormattedValues[pair.Key] = pair.Value;
                    }
                }

                images[image.Alias] = copy;
            }

            return images;
        }

        private Entity? Load(EventTarget target)
        {
            if (target.Id == Guid.Empty || _org.Store.Find(target.Table, target.Id) is not Row row)
            {
                return null;
            }

            return _org.Data.ToEntity(_org.Metadata.Table(target.Table), row, null);
        }

        private ParameterCollection MultipleInput()
        {
            var targets = new EntityCollection(_evt.Targets.Select(t => t.Entity!).ToList()) { EntityName = _evt.PrimaryEntityName };
            var input = new ParameterCollection { ["Targets"] = targets };
            CopyOthers(input, "Target");
            return input;
        }

        private ParameterCollection SingleInput(int index)
        {
            var input = new ParameterCollection { ["Target"] = _evt.Targets[index].Entity };
            CopyOthers(input, "Targets");
            return input;
        }

        private ParameterCollection MultipleOutput()
        {
            var output = new ParameterCollection();
            if (_output.TryGetValue("id", out var id) && id is Guid single)
            {
                output["Ids"] = new[] { single };
            }

            return output;
        }

        private ParameterCollection SingleOutput(int index)
        {
            var output = new ParameterCollection();
            if (_output.TryGetValue("Ids", out var ids) && ids is Guid[] all && index < all.Length)
            {
                output["id"] = all[index];
            }

            return output;
        }

        private void CopyOthers(ParameterCollection into, string skip)
        {
            foreach (var pair in _input)
            {
                if (pair.Key != skip && pair.Key != "Targets" && pair.Key != "Target")
                {
                    into[pair.Key] = pair.Value;
                }
            }
        }

        private static ParameterCollection Copy(ParameterCollection source)
        {
            var copy = new ParameterCollection();
            foreach (var pair in source)
            {
                copy[pair.Key] = Parameters.Copy(pair.Value);
            }

            return copy;
        }
    }
}
