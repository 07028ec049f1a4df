using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace Rapport.Foundation.Tests;

/// <summary>
/// Every type and member a built assembly references in the given external assemblies (by assembly name), read
/// from its TypeRef and MemberRef tables: what it will bind to at run time. One line per item, sorted, e.g.
/// <c>type Microsoft.Xrm.Sdk.Entity</c> and <c>method Microsoft.Xrm.Sdk.Entity::GetAttributeValue&lt;1&gt;(string) : !!0</c>.
/// </summary>
internal static class ReferencedSurface
{
    public static IReadOnlyList<string> Of(MetadataReader reader, IReadOnlySet<string> assemblies)
    {
        var provider = new SignatureNames();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var externalTypes = new HashSet<EntityHandle>();
        foreach (var handle in reader.TypeReferences)
        {
            if (AssemblyOf(reader, handle) is { } assembly && assemblies.Contains(assembly))
            {
                externalTypes.Add(handle);
                lines.Add($"type {provider.GetTypeFromReference(reader, handle, 0)}");
            }
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (!IsExternal(reader, member.Parent, externalTypes))
            {
                continue;
            }

            var owner = OwnerName(reader, member.Parent, provider);
            var name = reader.GetString(member.Name);
            if (member.GetKind() == MemberReferenceKind.Field)
            {
                lines.Add($"field {owner}::{name} : {member.DecodeFieldSignature(provider, null)}");
                continue;
            }

            var signature = member.DecodeMethodSignature(provider, null);
            var generic = signature.GenericParameterCount > 0 ? $"<{signature.GenericParameterCount}>" : "";
            lines.Add($"method {owner}::{name}{generic}({string.Join(", ", signature.ParameterTypes)}) : {signature.ReturnType}");
        }

        return lines.ToList();
    }

    private static bool IsExternal(MetadataReader reader, EntityHandle parent, HashSet<EntityHandle> externalTypes) => parent.Kind switch
    {
        HandleKind.TypeReference => externalTypes.Contains(parent),
        HandleKind.TypeSpecification => GenericHead(reader, (TypeSpecificationHandle)parent) is { } head && externalTypes.Contains(head),
        _ => false,
    };

    // The generic type a TypeSpec instantiates (DataCollection`2 for DataCollection<string, object>).
    private static EntityHandle? GenericHead(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadSignatureTypeCode();
        return blob.ReadTypeHandle();
    }

    private static string OwnerName(MetadataReader reader, EntityHandle parent, SignatureNames provider) =>
        parent.Kind == HandleKind.TypeReference
            ? provider.GetTypeFromReference(reader, (TypeReferenceHandle)parent, 0)
            : provider.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)parent, 0);

    private static string? AssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    /// <summary>Type names as C# spells the primitives; generic parameters as !0 (type) and !!0 (method).</summary>
    private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Void => "void",
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.SByte => "sbyte",
            PrimitiveTypeCode.Byte => "byte",
            PrimitiveTypeCode.Int16 => "short",
            PrimitiveTypeCode.UInt16 => "ushort",
            PrimitiveTypeCode.Int32 => "int",
            PrimitiveTypeCode.UInt32 => "uint",
            PrimitiveTypeCode.Int64 => "long",
            PrimitiveTypeCode.UInt64 => "ulong",
            PrimitiveTypeCode.Single => "float",
            PrimitiveTypeCode.Double => "double",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.IntPtr => "nint",
            PrimitiveTypeCode.UIntPtr => "nuint",
            PrimitiveTypeCode.TypedReference => "typedref",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = metadata.GetTypeReference(handle);
            var name = metadata.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? GetTypeFromReference(metadata, (TypeReferenceHandle)type.ResolutionScope, 0) + "/" + name
                : Qualified(metadata.GetString(type.Namespace), name);
        }

        public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var type = metadata.GetTypeDefinition(handle);
            return Qualified(metadata.GetString(type.Namespace), metadata.GetString(type.Name));
        }

        public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(", ", typeArguments)}>";

        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }
}
