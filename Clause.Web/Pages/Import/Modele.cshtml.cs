using Clause.Infrastructure.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Import;

/// <summary>
/// The import template (issue 11 item 1): what the workbook holds, and its download (<c>?handler=Fichier</c>), written by
/// <see cref="ModeleImport"/> — every sheet of the format with its columns, the <c>Version</c> sheet, the « Aide » sheet.
/// The same file for every structure: it holds no data.
/// </summary>
public sealed class ModeleModel : PageModel
{
    public IReadOnlyList<FeuilleImport> Feuilles => FormatImport.Feuilles;

    public void OnGet()
    {
    }

    public IActionResult OnGetFichier() => File(ModeleImport.Ecrire(), ModeleImport.TypeContenu, ModeleImport.NomFichier);
}
