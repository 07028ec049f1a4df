using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Rapport.Sdk.Tests;

/// <summary>
/// The contract's visibility and signatures match Microsoft.Xrm.Sdk 9.0.2.56: what is internal there is not callable
/// here, and the members Microsoft's API reference documents are declared with its types
/// (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk).
/// </summary>
[TestFixture]
public sealed class ContractVisibilityTests
{
    private static readonly Type[] DictionaryBacked =
    [
        typeof(AttributeCollection), typeof(FormattedValueCollection), typeof(EntityImageCollection),
        typeof(KeyAttributeCollection), typeof(DataCollection<,>),
    ];

    // The API reference lists only the parameterless constructor for each of these types, e.g.
    // learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.attributecollection.-ctor
    [TestCaseSource(nameof(DictionaryBacked))]
    public void The_IDictionary_constructor_is_internal_as_in_the_real_SDK(Type type)
    {
        var ctor = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Single(c => c.GetParameters() is [{ ParameterType: { IsGenericType: true } p }] && p.GetGenericTypeDefinition() == typeof(IDictionary<,>));

        Assert.That(ctor.IsAssembly, Is.True, $"{type.Name}(IDictionary) must not be callable by a plug-in");
    }

    [Test]
    public void DataCollection_of_key_and_value_has_no_public_constructor_and_no_constraint_on_TKey()
    {
        var type = typeof(DataCollection<,>);
        var tkey = type.GetGenericArguments()[0];

        Assert.Multiple(() =>
        {
            Assert.That(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public), Is.Empty);
            Assert.That(tkey.GenericParameterAttributes & GenericParameterAttributes.SpecialConstraintMask, Is.EqualTo(GenericParameterAttributes.None));
            Assert.That(tkey.GetGenericParameterConstraints(), Is.Empty);
            // C# emits notnull as [Nullable(1)] on the type parameter; unconstrained is [Nullable(2)] or nothing.
            Assert.That(tkey.CustomAttributes.Where(a => a.AttributeType.Name == "NullableAttribute").Select(a => a.ConstructorArguments[0].Value),
                Has.None.EqualTo((byte)1), "no notnull constraint on TKey");
        });
    }

    // learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext5 ... 7
    [TestCase(typeof(IPluginExecutionContext5), "InitiatingUserAgent", typeof(string), typeof(IPluginExecutionContext4))]
    [TestCase(typeof(IPluginExecutionContext6), "TenantId", typeof(Guid), typeof(IPluginExecutionContext5))]
    [TestCase(typeof(IPluginExecutionContext6), "EnvironmentId", typeof(string), typeof(IPluginExecutionContext5))]
    [TestCase(typeof(IPluginExecutionContext7), "IsApplicationUser", typeof(bool), typeof(IPluginExecutionContext6))]
    public void Later_context_interfaces_declare_the_documented_read_only_property(Type contract, string name, Type type, Type inherits)
    {
        var property = contract.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        Assert.Multiple(() =>
        {
            Assert.That(property?.PropertyType, Is.EqualTo(type));
            Assert.That(property?.CanWrite, Is.False);
            Assert.That(contract.GetInterfaces(), Does.Contain(inherits));
            Assert.That(contract.Namespace, Is.EqualTo("Microsoft.Xrm.Sdk"));
        });
    }

    // learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.imanagedidentityservice.acquiretoken
    [Test]
    public void IManagedIdentityService_has_both_documented_AcquireToken_overloads_and_no_base_interface()
    {
        var overloads = typeof(IManagedIdentityService).GetMethods()
            .Where(m => m.Name == "AcquireToken")
            .Select(m => string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name)) + "->" + m.ReturnType.Name)
            .OrderBy(s => s, StringComparer.Ordinal);

        Assert.That(overloads, Is.EqualTo(new[] { "Guid,IEnumerable`1->String", "IEnumerable`1->String" }));
        Assert.That(typeof(IManagedIdentityService).GetInterfaces(), Is.Empty);
    }

    // learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.executetransactionfault
    [Test]
    public void ExecuteTransactionFault_is_a_sealed_OrganizationServiceFault_with_its_data_contract()
    {
        var type = typeof(ExecuteTransactionFault);
        var contract = type.GetCustomAttribute<DataContractAttribute>();
        var index = type.GetProperty(nameof(ExecuteTransactionFault.FaultedRequestIndex))!;

        Assert.Multiple(() =>
        {
            Assert.That(type.Namespace, Is.EqualTo("Microsoft.Xrm.Sdk"));
            Assert.That(type.BaseType, Is.EqualTo(typeof(OrganizationServiceFault)));
            Assert.That(type.IsSealed, Is.True);
            Assert.That(contract?.Name, Is.EqualTo("ExecuteTransactionFault"));
            Assert.That(contract?.Namespace, Is.EqualTo("http://schemas.microsoft.com/xrm/7.1/Contracts"));
            Assert.That(index.PropertyType, Is.EqualTo(typeof(int)));
            Assert.That(index.CanWrite, Is.True);
            Assert.That(index.GetCustomAttribute<DataMemberAttribute>(), Is.Not.Null);
        });
    }
}
