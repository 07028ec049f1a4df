using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Rapport.Foundation.Tests;

/// <summary>Reads a built assembly's metadata without loading it (net462 DLLs cannot run here).</summary>
internal sealed class ShippedAssembly : IDisposable
{
    private readonly PEReader _pe;

    public ShippedAssembly(string path)
    {
        Path = path;
        _pe = new PEReader(File.OpenRead(path));
        Reader = _pe.GetMetadataReader();
    }

    public string Path { get; }

    public MetadataReader Reader { get; }

    public bool IsStrongNameSigned => (_pe.PEHeaders.CorHeader!.Flags & CorFlags.StrongNameSigned) != 0;

    public byte[] PublicKey => Reader.GetBlobBytes(Reader.GetAssemblyDefinition().PublicKey);

    public IEnumerable<string> References => Reader.AssemblyReferences.Select(h =>
    {
        var reference = Reader.GetAssemblyReference(h);
        var token = Reader.GetBlobBytes(reference.PublicKeyOrToken);
        var culture = reference.Culture.IsNil ? "neutral" : Reader.GetString(reference.Culture);
        return $"{Reader.GetString(reference.Name)}, Version={reference.Version}, Culture={culture}, PublicKeyToken={Convert.ToHexString(token).ToLowerInvariant()}";
    });

    /// <summary>Full names of the types in this assembly whose base chain (within this assembly) ends in the given external base.</summary>
    public IEnumerable<TypeDefinition> TypesDerivingFrom(string externalBaseFullName) =>
        Reader.TypeDefinitions.Select(Reader.GetTypeDefinition).Where(t => DerivesFrom(t, externalBaseFullName));

    /// <summary>Types that implement an interface by full name, directly or through a base class in this assembly.</summary>
    public IEnumerable<TypeDefinition> TypesImplementing(string interfaceFullName) =>
        Reader.TypeDefinitions.Select(Reader.GetTypeDefinition).Where(t => Implements(t, interfaceFullName));

    public string FullName(TypeDefinition type) =>
        $"{Reader.GetString(type.Namespace)}.{Reader.GetString(type.Name)}";

    /// <summary>The type's own fields and those of its base classes declared in this assembly.</summary>
    public IEnumerable<(string Owner, FieldDefinition Field)> FieldsIncludingBases(TypeDefinition type)
    {
        for (TypeDefinition? current = type; current is not null; current = BaseInAssembly(current.Value))
        {
            foreach (var handle in current.Value.GetFields())
            {
                yield return (FullName(current.Value), Reader.GetFieldDefinition(handle));
            }
        }
    }

    public void Dispose() => _pe.Dispose();

    private bool DerivesFrom(TypeDefinition type, string externalBase)
    {
        for (TypeDefinition? current = type; current is not null; current = BaseInAssembly(current.Value))
        {
            if (BaseName(current.Value) == externalBase)
            {
                return true;
            }
        }

        return false;
    }

    private bool Implements(TypeDefinition type, string interfaceName)
    {
        for (TypeDefinition? current = type; current is not null; current = BaseInAssembly(current.Value))
        {
            foreach (var handle in current.Value.GetInterfaceImplementations())
            {
                var implemented = Reader.GetInterfaceImplementation(handle).Interface;
                if (implemented.Kind == HandleKind.TypeReference && RefName((TypeReferenceHandle)implemented) == interfaceName)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private TypeDefinition? BaseInAssembly(TypeDefinition type) =>
        !type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeDefinition ? Reader.GetTypeDefinition((TypeDefinitionHandle)type.BaseType) : null;

    private string? BaseName(TypeDefinition type) =>
        !type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeReference ? RefName((TypeReferenceHandle)type.BaseType) : null;

    private string RefName(TypeReferenceHandle handle)
    {
        var reference = Reader.GetTypeReference(handle);
        return $"{Reader.GetString(reference.Namespace)}.{Reader.GetString(reference.Name)}";
    }
}
