using System.Reflection;
using System.Reflection.Emit;

namespace Invoicing.UnitTests.Architecture;

/// <summary>
/// What a type's compiled code refers to: its base type and interfaces, the types of its fields, properties, parameters,
/// return values and locals, and every type, method and field its IL names (with their declaring types and signatures).
/// Read from the assemblies, so a reference cannot hide behind <c>var</c>, an extension method or a lambda.
/// </summary>
internal static class CodeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    /// <summary>The outermost type that declares <paramref name="type"/>: compiler-made types (lambdas, async methods) count as their author's.</summary>
    public static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>Every type named by <paramref name="type"/>'s declaration and code.</summary>
    public static IEnumerable<Type> TypesUsedBy(Type type) => MembersUsedBy(type).SelectMany(TypesOf);

    /// <summary>Every method and constructor that <paramref name="type"/>'s IL calls or loads.</summary>
    public static IEnumerable<MethodBase> MethodsCalledBy(Type type) => MembersUsedBy(type).OfType<MethodBase>();

    /// <summary>Whether <paramref name="type"/> is Entity Framework's, is built on one of its types, or has one as an element or type argument.</summary>
    public static bool IsEntityFramework(Type type) =>
        type.HasElementType ? IsEntityFramework(type.GetElementType()!)
        : type.IsGenericParameter ? false
        : type.Assembly.GetName().Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
          || (type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(IsEntityFramework))
          || (type.BaseType is { } baseType && IsEntityFramework(baseType));

    private static IEnumerable<MemberInfo> MembersUsedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return contract;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field;
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            yield return method;
            if (method.GetMethodBody() is not { } body)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                yield return local.LocalType;
            }

            foreach (var member in MembersInIl(method, body.GetILAsByteArray() ?? []))
            {
                yield return member;
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
    {
        Type type => [type],
        FieldInfo field => [field.DeclaringType!, field.FieldType],
        MethodInfo method => [method.DeclaringType!, method.ReturnType, .. method.GetParameters().Select(p => p.ParameterType), .. method.IsGenericMethod ? method.GetGenericArguments() : []],
        MethodBase method => [method.DeclaringType!, .. method.GetParameters().Select(p => p.ParameterType)],
        _ => [],
    };

    /// <summary>The types, methods and fields named by the operands of <paramref name="method"/>'s IL.</summary>
    private static IEnumerable<MemberInfo> MembersInIl(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments)!;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4, // branch targets, int32, float32, strings, signatures
    };
}
