using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Import;

/// <summary>Reprise de données (issue 11): Direction and Facilitateur of the structure read and post (upload, dry run, import).</summary>
public sealed class DossierImport() : DossierPages("/Import", Politiques.Import, Politiques.Import);
