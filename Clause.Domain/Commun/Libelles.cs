using System.Reflection;

namespace Clause.Domain.Commun;

/// <summary>The French label of an enum member, written next to the member it describes.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LibelleAttribute(string texte) : Attribute
{
    public string Texte { get; } = texte;
}

public static class Libelles
{
    /// <summary>The French label of a value, or its code when none is written.</summary>
    public static string Libelle<TEnum>(this TEnum valeur) where TEnum : struct, Enum => Libelle(typeof(TEnum), valeur.ToString());

    /// <summary>The French label of the member <paramref name="code"/> of <paramref name="type"/>, or the code when none is written.</summary>
    public static string Libelle(Type type, string code)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetField(code)?.GetCustomAttribute<LibelleAttribute>()?.Texte ?? code;
    }

    /// <summary>Every code of the enum <paramref name="type"/> with its label, in declaration order (the import template's « Aide »).</summary>
    public static IReadOnlyList<(string Code, string Libelle)> Tous(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return [.. Enum.GetNames(type).Select(n => (n, Libelle(type, n)))];
    }

    /// <summary>Every value of the enum with its label, in declaration order (for select lists).</summary>
    public static IReadOnlyList<(TEnum Valeur, string Libelle)> Tous<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (v, v.Libelle())).ToList();
}
