using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Security.Cryptography;

namespace Rapport.Foundation.Tests;

/// <summary>
/// What Dataverse checks, or punishes at run time, about the assemblies we register: they are strong-named with our
/// key, bind to the real SDK identity, ship without the SDK, and keep no state in plugin or activity instances.
/// </summary>
[TestFixture]
public sealed class AssemblyShapeTests
{
    private const string SdkIdentity = "Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

    private static readonly (string Project, string Assembly)[] Shipped =
    [
        ("Plugins", "Rapport.Plugins"),
        ("WorkflowActivities", "Rapport.WorkflowActivities"),
    ];

    private static object[] ShippedCases => Shipped.Select(s => new object[] { s.Project, s.Assembly }).ToArray();

    [TestCaseSource(nameof(ShippedCases))]
    public void Is_strong_named_with_the_committed_Rapport_key(string project, string assembly)
    {
        using var dll = new ShippedAssembly(RepoPaths.Net462Dll(project, assembly));

        Assert.Multiple(() =>
        {
            Assert.That(dll.IsStrongNameSigned, Is.True, "the StrongNameSigned flag is set (a public-signed DLL would not load in the sandbox)");
            Assert.That(dll.PublicKey, Is.EqualTo(RapportPublicKey()), "signed with build/Rapport.snk");
        });
    }

    [TestCaseSource(nameof(ShippedCases))]
    public void References_the_real_Microsoft_Xrm_Sdk_identity(string project, string assembly)
    {
        using var dll = new ShippedAssembly(RepoPaths.Net462Dll(project, assembly));

        Assert.That(dll.References, Does.Contain(SdkIdentity));
    }

    [Test]
    public void Workflow_assembly_references_the_real_workflow_and_activities_identities()
    {
        using var dll = new ShippedAssembly(RepoPaths.Net462Dll("WorkflowActivities", "Rapport.WorkflowActivities"));

        Assert.That(dll.References, Is.SupersetOf(new[]
        {
            "Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
            "System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
        }));
    }

    [TestCaseSource(nameof(ShippedCases))]
    public void Ships_without_any_SDK_contract_assembly(string project, string assembly)
    {
        var output = RepoPaths.Net462Output(project);
        var files = Directory.GetFiles(output, "*.dll").Select(Path.GetFileName).ToArray();

        Assert.That(files, Does.Contain(assembly + ".dll"));
        Assert.That(files.Where(f => f!.StartsWith("Microsoft.Xrm.Sdk", StringComparison.Ordinal)
                                  || f!.StartsWith("Microsoft.Crm.Sdk", StringComparison.Ordinal)
                                  || f == "System.Activities.dll"), Is.Empty);
    }

    [TestCaseSource(nameof(ShippedCases))]
    public void Plugins_and_activities_have_no_writable_fields(string project, string assembly)
    {
        using var dll = new ShippedAssembly(RepoPaths.Net462Dll(project, assembly));
        var executables = dll.TypesImplementing("Microsoft.Xrm.Sdk.IPlugin")
            .Concat(dll.TypesDerivingFrom("System.Activities.CodeActivity"))
            .ToArray();

        var writable = executables
            .SelectMany(t => dll.FieldsIncludingBases(t).Select(f => (Type: dll.FullName(t), f.Owner, f.Field)))
            .Where(f => (f.Field.Attributes & (FieldAttributes.InitOnly | FieldAttributes.Literal)) == 0)
            .Where(f => !IsWorkflowArgument(f.Field.DecodeSignature(FieldTypeNames.Instance, null)))
            .Select(f => $"{f.Type} ({f.Owner}.{dll.Reader.GetString(f.Field.Name)})")
            .Distinct()
            .ToArray();

        Assert.That(writable, Is.Empty, "Dataverse caches plugin instances across threads: state must not live in fields");
    }

    [Test]
    public void The_shape_check_sees_the_plugin_bases()
    {
        // Guards the check above against passing vacuously because it finds no types at all.
        using var plugins = new ShippedAssembly(RepoPaths.Net462Dll("Plugins", "Rapport.Plugins"));
        using var activities = new ShippedAssembly(RepoPaths.Net462Dll("WorkflowActivities", "Rapport.WorkflowActivities"));

        Assert.That(plugins.TypesImplementing("Microsoft.Xrm.Sdk.IPlugin").Select(plugins.FullName), Does.Contain("Rapport.Plugins.Common.PluginBase"));
        Assert.That(activities.TypesDerivingFrom("System.Activities.CodeActivity").Select(activities.FullName), Does.Contain("Rapport.WorkflowActivities.Common.ActivityBase"));
    }

    /// <summary>
    /// Workflow argument properties (InArgument/OutArgument) are the activity's definition, set once by the workflow
    /// runtime when it builds the activity tree; values flow through the context, never through these objects.
    /// </summary>
    private static bool IsWorkflowArgument(string fieldType) =>
        fieldType is "System.Activities.InArgument`1" or "System.Activities.OutArgument`1" or "System.Activities.InOutArgument`1";

    /// <summary>The strong-name public key blob (signature alg, hash alg, length, CAPI PUBLICKEYBLOB) of build/Rapport.snk.</summary>
    private static byte[] RapportPublicKey()
    {
        using var rsa = new RSACryptoServiceProvider();
        rsa.ImportCspBlob(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "build", "Rapport.snk")));
        var capiPublic = rsa.ExportCspBlob(false);
        BitConverter.GetBytes(0x00002400).CopyTo(capiPublic, 4); // strong names record the key as a signature key
        var header = new byte[12];
        BitConverter.GetBytes(0x00002400).CopyTo(header, 0); // CALG_RSA_SIGN
        BitConverter.GetBytes(0x00008004).CopyTo(header, 4); // CALG_SHA1
        BitConverter.GetBytes(capiPublic.Length).CopyTo(header, 8);
        return header.Concat(capiPublic).ToArray();
    }
}
