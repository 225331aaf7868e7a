// « Imprimer » buttons (data-imprimer): the page's print dialog. A file, not an inline handler: the CSP has script-src 'self'.
document.querySelectorAll('[data-imprimer]').forEach(function (bouton) {
  bouton.addEventListener('click', function () { window.print(); });
});
