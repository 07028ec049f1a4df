using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Tests;

/// <summary>A fresh organization (the test solution, its plugins registered) and a SYSTEM service for each test.</summary>
public abstract class EmulatorTest
{
    protected DataverseEmulator Env { get; private set; } = null!;

    protected IOrganizationService Service { get; private set; } = null!;

    [SetUp]
    public void NewOrganization()
    {
        Env = TestSolution.NewEnvironment();
        Service = Env.SystemService;
    }
}
