using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

public sealed class AccesRefuseModel : PageModel
{
    public void OnGet() { }
}
