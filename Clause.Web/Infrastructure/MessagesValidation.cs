using Clause.Domain.Commun;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Clause.Web.Infrastructure;

/// <summary>French messages for model binding and the bridge from domain refusals to form errors.</summary>
public static class MessagesValidation
{
    public static void EnFrancais(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((valeur, champ) => $"La valeur « {valeur} » n'est pas valide pour le champ « {champ} ».");
        messages.SetMissingBindRequiredValueAccessor(champ => $"Le champ « {champ} » est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(champ => $"La valeur saisie n'est pas valide pour le champ « {champ} ».");
        messages.SetValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(champ => $"Le champ « {champ} » doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(champ => $"Le champ « {champ} » est obligatoire.");
    }

    /// <summary>True when the field <paramref name="cle"/> (« Saisie.Email ») already has an error: a check that would only repeat it is skipped.</summary>
    public static bool EnErreur(this ModelStateDictionary etat, string cle)
    {
        ArgumentNullException.ThrowIfNull(etat);
        return etat.TryGetValue(cle, out var entree) && entree.Errors.Count > 0;
    }

    /// <summary>
    /// Shows a domain refusal beside the field it names (prefix = the bound input record's name). When the input record
    /// names that field differently from the entity (PartMainOeuvrePdb → PartMainOeuvre), <paramref name="renommages"/>
    /// says so; an empty name puts the message at the top of the form.
    /// </summary>
    public static void AjouterErreur(this ModelStateDictionary etat, RegleMetierException erreur,
        IReadOnlyDictionary<string, string>? renommages = null, string prefixe = "Saisie")
    {
        ArgumentNullException.ThrowIfNull(etat);
        ArgumentNullException.ThrowIfNull(erreur);
        // A domain method that checks every field first may carry several refusals: each goes beside its own field. A field
        // already in error before the domain was called (a value that did not parse, a [Required]) keeps its own message:
        // the domain, given no value there, would only repeat it.
        var dejaEnErreur = etat.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var une in erreur.Toutes)
        {
            var champ = renommages is not null && renommages.TryGetValue(une.Champ, out var renomme) ? renomme : une.Champ;
            var cle = string.IsNullOrEmpty(champ) ? string.Empty : $"{prefixe}.{champ}";
            if (cle.Length > 0 && dejaEnErreur.Contains(cle)) continue;
            etat.AddModelError(cle, une.Message);
        }
    }
}

/// <summary>
/// Every date bound from a form (DateOnly or DateTime, nullable or not, in any input record or lot row) must lie in
/// <see cref="PlageDates"/> — 01/01/1900 to 31/12/2100 — or the form is refused with a French message naming the field
/// (its Display name). Registered once for all pages (ComposeWeb): a new form gets the rule without writing it.
/// </summary>
public sealed class ValidationDates : IMetadataBasedModelValidatorProvider
{
    private static readonly Validateur Unique = new();

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => EstUneDate(modelType);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (EstUneDate(context.ModelMetadata.ModelType))
            context.Results.Add(new ValidatorItem { Validator = Unique, IsReusable = true });
    }

    private static bool EstUneDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTime));

    private sealed class Validateur : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            DateOnly? date = context.Model switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                _ => null,
            };
            return date is { } valeur && !PlageDates.Contient(valeur)
                ? [new ModelValidationResult(string.Empty, PlageDates.Message(context.ModelMetadata.GetDisplayName()))]
                : [];
        }
    }
}

/// <summary>
/// A secret typed as is — a password, a second-factor or recovery code —, which <see cref="ValidationCaracteres"/> leaves
/// alone: any character may be part of a password, and a wrong code is refused by its own check.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SaisieSecreteAttribute : Attribute;

/// <summary>
/// No control character (<see cref="char.IsControl(char)"/>: NUL, BEL, ESC, DEL, C1…) in any text bound from a form — names,
/// labels, codes, searches — in any input record (issue 16 item 8): it would be stored, exported to Excel and shown
/// unseen. A long text declared <c>[DataType(DataType.MultilineText)]</c> (a motif, an objet, a comment) may hold tab and
/// line breaks; a <see cref="SaisieSecreteAttribute"/> field is not checked. Registered once for all pages (ComposeWeb),
/// beside <see cref="ValidationDates"/>: a new form gets the rule without writing it. The /api/v1 bodies have no free
/// text today (numbers, months, ids); a text field added there reads <see cref="EstAutorise"/>.
/// </summary>
public sealed class ValidationCaracteres : IMetadataBasedModelValidatorProvider
{
    private static readonly Validateur Court = new(texteLong: false);

    private static readonly Validateur Long = new(texteLong: true);

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => modelType == typeof(string);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadonnees = context.ModelMetadata;
        // A plain attribute is not validator metadata: it is read from the property's own attributes.
        if (metadonnees.ModelType != typeof(string)
            || (metadonnees is DefaultModelMetadata defaut && defaut.Attributes.Attributes.OfType<SaisieSecreteAttribute>().Any())) return;
        var texteLong = string.Equals(metadonnees.DataTypeName, nameof(System.ComponentModel.DataAnnotations.DataType.MultilineText), StringComparison.Ordinal);
        context.Results.Add(new ValidatorItem { Validator = texteLong ? Long : Court, IsReusable = true });
    }

    /// <summary>True when <paramref name="texte"/> holds no control character (tab, CR and LF allowed in a long text).</summary>
    public static bool EstAutorise(string? texte, bool texteLong) =>
        texte is null || !texte.Any(c => char.IsControl(c) && !(texteLong && c is '\t' or '\n' or '\r'));

    /// <summary>« Le champ « Nom » contient un caractère non autorisé. »</summary>
    public static string Message(string libelle) => $"Le champ « {libelle} » contient un caractère non autorisé.";

    private sealed class Validateur(bool texteLong) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            context.Model is string texte && !EstAutorise(texte, texteLong)
                ? [new ModelValidationResult(string.Empty, Message(context.ModelMetadata.GetDisplayName()))]
                : [];
    }
}

/// <summary>
/// An e-mail address typed in a form (a user's, a contact's, an invitation's, « mot de passe oublié »): the one rule of
/// <see cref="AdresseEmail"/>, with its French message naming the field. Empty is left to <c>[Required]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AdresseEmailAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is string texte && (texte.Trim().Length == 0 || AdresseEmail.EstValide(texte.Trim())));

    public override string FormatErrorMessage(string name) => AdresseEmail.Message(name);
}

/// <summary>
/// Binds an enum field of a form — the value of a <c>&lt;select&gt;</c> — to a member the enum defines, else refuses it with
/// a message naming the field (« Le champ « Modalité » n'accepte pas cette valeur. »): the default binder lets an undefined
/// number through to a « La valeur « 99 » n'est pas valide. » that names nothing. Names (as the options post them) and
/// defined numbers are accepted; an empty value is no value (left to <c>[Required]</c>). Flags enums keep the default binder.
/// </summary>
public sealed class LiaisonEnumerations : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false) ? new Lieur(type) : null;
    }

    /// <summary>« Le champ « Modalité » n'accepte pas cette valeur. »</summary>
    public static string Message(string libelle) => $"Le champ « {libelle} » n'accepte pas cette valeur.";

    private sealed class Lieur(Type type) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            var resultat = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (resultat == ValueProviderResult.None) return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, resultat);
            var valeur = resultat.FirstValue?.Trim();
            if (string.IsNullOrEmpty(valeur))
            {
                // Like the default binder: no value for a nullable enum, a « required » error for a non-nullable one.
                if (!bindingContext.ModelMetadata.IsReferenceOrNullableType)
                    bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                        bindingContext.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(bindingContext.ModelMetadata.GetDisplayName()));
                else
                    bindingContext.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            // A member's name (any case), or the number of a defined member — never « RH,Tuteur », which Enum.Parse would OR.
            var nom = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, valeur, StringComparison.OrdinalIgnoreCase));
            object? membre = nom is not null ? Enum.Parse(type, nom)
                : long.TryParse(valeur, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var numero)
                    && Enum.ToObject(type, numero) is var parNumero && Enum.IsDefined(type, parNumero) ? parNumero
                : null;
            if (membre is not null)
                bindingContext.Result = ModelBindingResult.Success(membre);
            else
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message(bindingContext.ModelMetadata.GetDisplayName()));
            return Task.CompletedTask;
        }
    }
}
