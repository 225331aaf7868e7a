// « Imprimer / enregistrer en PDF »: the button is shown only when this script runs (no inline script, CSP).
document.querySelectorAll('[data-imprimer]').forEach(function (bouton) {
    bouton.hidden = false;
    bouton.addEventListener('click', function () { window.print(); });
});
