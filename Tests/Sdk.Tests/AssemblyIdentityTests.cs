using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Rapport.Sdk.Tests;

/// <summary>
/// A plugin binds to the real SDK only if the contract it was compiled against carries the real identity, on the
/// net462 build (what plugins compile against) and the test-runtime build (what the emulator loads).
/// </summary>
[TestFixture]
public sealed class AssemblyIdentityTests
{
    private const string Token = "31bf3856ad364e35";

    private static readonly object[] Builds =
    [
        new object[] { "Microsoft.Xrm.Sdk", "net462", $"Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken={Token}" },
        new object[] { "Microsoft.Xrm.Sdk", "net10.0", $"Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken={Token}" },
        new object[] { "Microsoft.Xrm.Sdk.Workflow", "net462", $"Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken={Token}" },
        new object[] { "Microsoft.Xrm.Sdk.Workflow", "net10.0", $"Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, Culture=neutral, PublicKeyToken={Token}" },
        new object[] { "System.Activities", "net10.0", $"System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken={Token}" },
    ];

    [TestCaseSource(nameof(Builds))]
    public void Carries_the_real_identity(string assembly, string targetFramework, string identity)
    {
        var path = ContractPaths.Dll(assembly, targetFramework);
        Assert.That(File.Exists(path), Is.True, path);

        Assert.That(AssemblyName.GetAssemblyName(path).FullName, Is.EqualTo(identity));
    }

    [TestCaseSource(nameof(Builds))]
    public void Carries_Microsofts_public_key(string assembly, string targetFramework, string identity)
    {
        using var pe = new PEReader(File.OpenRead(ContractPaths.Dll(assembly, targetFramework)));
        var reader = pe.GetMetadataReader();

        var key = reader.GetBlobBytes(reader.GetAssemblyDefinition().PublicKey);

        Assert.That(key, Is.EqualTo(File.ReadAllBytes(ContractPaths.PublicKeyFile)), identity);
    }

    [TestCase("net462")]
    [TestCase("net10.0")]
    public void Workflow_references_the_contract_SDK_by_its_real_identity(string targetFramework)
    {
        using var pe = new PEReader(File.OpenRead(ContractPaths.Dll("Microsoft.Xrm.Sdk.Workflow", targetFramework)));
        var reader = pe.GetMetadataReader();

        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName().FullName)
            .ToList();

        Assert.That(references, Does.Contain($"Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken={Token}"));
    }
}
