namespace Clause.Web.Infrastructure;

/// <summary>
/// Who reads and who writes the pages of one feature folder, declared once in a <c>_Dossier.cs</c> beside the
/// pages (e.g. <c>Pages/Lots/_Dossier.cs</c>: <c>public sealed class DossierLots() : DossierPages("/Lots",
/// Politiques.LectureClause, Politiques.GestionClause);</c>). <see cref="ConventionAcces"/> finds every
/// declaration by reflection and applies it to every page of the folder and of its sub-folders (the deepest
/// declaration wins; the root declaration "/" covers only the pages directly under Pages/). A page in an
/// undeclared folder stops the app from serving it.
/// </summary>
public abstract class DossierPages(string chemin, string lecture, string ecriture)
{
    /// <summary>The folder, as Razor Pages names it: "/Lots", "/Admin", "/" for the root.</summary>
    public string Chemin { get; } = chemin;

    /// <summary>Policy of the pages that only show (no POST handler), and of the GET of an <see cref="OuverteEnLectureAttribute"/> page.</summary>
    public string Lecture { get; } = lecture;

    /// <summary>Policy of every POST handler, and of the whole of a page that has one (a form page).</summary>
    public string Ecriture { get; } = ecriture;
}

/// <summary>
/// On a page model with POST handlers: its GET is for the folder's readers (e.g. the hours grid, read-only for
/// Direction) while its POST handlers keep the folder's write policy. Rare, and visible on the page.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OuverteEnLectureAttribute : Attribute;

/// <summary>
/// On a page of an open folder (<c>/Compte</c>, whose sign-in and invitation pages are for anyone): the page, GET and
/// POST, is for signed-in users only (<see cref="Politiques.Connecte"/>) — "Mon compte", the password change. Refused by
/// <see cref="ConventionAcces"/> in any other folder, so it can never lower a folder's policy.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConnexionRequiseAttribute : Attribute;
