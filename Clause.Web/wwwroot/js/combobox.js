/*
 * Clause — the combobox (ARIA 1.2 combobox pattern, list autocomplete), progressive enhancement of <combobox>
 * (Clause.Web/TagHelpers/ComboboxTagHelper.cs). Without this script the field is a text field with a « Chercher »
 * button that opens the search page. With it: role="combobox" on the text field, aria-expanded, aria-controls, a
 * listbox of options fed by the search page's JSON (20 at most), aria-activedescendant on the option the arrows reach,
 * the count of results announced in a polite live region. Keyboard: Down/Up move (Down opens), Enter chooses, Escape
 * closes the list (or, when closed, clears the field), Tab leaves. Only the hidden id is posted.
 */
(function () {
    'use strict';

    var DELAI = 200;

    function texteResultats(reponse) {
        var total = reponse.total, affiches = reponse.elements.length;
        if (total === 0) return 'Aucun résultat.';
        if (total === 1) return '1 résultat. Flèche bas pour le parcourir, Entrée pour le choisir.';
        if (affiches < total) return affiches + ' premiers résultats sur ' + total + ' : précisez la recherche. Flèches haut et bas pour parcourir, Entrée pour choisir.';
        return total + ' résultats. Flèches haut et bas pour parcourir, Entrée pour choisir.';
    }

    function initialiser(racine) {
        var valeur = racine.querySelector('[data-combobox-valeur]');
        var champ = racine.querySelector('[data-combobox-texte]');
        var bouton = racine.querySelector('[data-combobox-bouton]');
        var consigne = racine.querySelector('[data-combobox-consigne]');
        var source = racine.getAttribute('data-source');
        if (!valeur || !champ || !source) return;
        var id = champ.id;

        var liste = document.createElement('ul');
        liste.id = id + '-liste';
        liste.className = 'combobox-liste';
        liste.setAttribute('role', 'listbox');
        liste.hidden = true;
        var etiquette = document.querySelector('label[for="' + id + '"]');
        if (etiquette) {
            if (!etiquette.id) etiquette.id = id + '-etiquette';
            liste.setAttribute('aria-labelledby', etiquette.id);
        }
        var statut = document.createElement('div');
        statut.id = id + '-statut';
        statut.className = 'sr-only';
        statut.setAttribute('role', 'status');
        statut.setAttribute('aria-live', 'polite');

        champ.setAttribute('role', 'combobox');
        champ.setAttribute('aria-autocomplete', 'list');
        champ.setAttribute('aria-expanded', 'false');
        champ.setAttribute('aria-controls', liste.id);
        champ.removeAttribute('name');
        if (bouton) bouton.remove();
        if (consigne) consigne.textContent = 'Tapez quelques lettres : les résultats s’affichent sous le champ. Flèches haut et bas pour parcourir, Entrée pour choisir, Échap pour fermer la liste ou effacer le champ.';
        racine.appendChild(liste);
        racine.appendChild(statut);

        var elements = [];
        var active = -1;
        var minuterie = null;
        var numeroRequete = 0;
        var libelleChoisi = champ.value;

        function ouverte() { return champ.getAttribute('aria-expanded') === 'true'; }

        function fermer() {
            liste.hidden = true;
            champ.setAttribute('aria-expanded', 'false');
            champ.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function activer(index) {
            var options = liste.querySelectorAll('[role="option"]');
            if (options.length === 0) return;
            active = Math.max(0, Math.min(index, options.length - 1));
            for (var i = 0; i < options.length; i++) options[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
            champ.setAttribute('aria-activedescendant', options[active].id);
            options[active].scrollIntoView({ block: 'nearest' });
        }

        function choisir(index) {
            var element = elements[index];
            if (!element) return;
            valeur.value = element.id;
            champ.value = element.libelle;
            libelleChoisi = element.libelle;
            fermer();
            statut.textContent = element.libelle + ' choisi.';
            valeur.dispatchEvent(new Event('change', { bubbles: true }));
        }

        function afficher(reponse) {
            elements = reponse.elements;
            liste.textContent = '';
            elements.forEach(function (element, i) {
                var option = document.createElement('li');
                option.id = liste.id + '-' + i;
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                option.className = 'combobox-option';
                option.appendChild(document.createTextNode(element.libelle));
                if (element.detail) {
                    var detail = document.createElement('span');
                    detail.className = 'aide';
                    detail.textContent = element.detail;
                    option.appendChild(detail);
                }
                // mousedown would move the focus out of the field (and close the list) before the click.
                option.addEventListener('mousedown', function (e) { e.preventDefault(); });
                option.addEventListener('click', function () { choisir(i); });
                liste.appendChild(option);
            });
            active = -1;
            champ.removeAttribute('aria-activedescendant');
            liste.hidden = elements.length === 0;
            champ.setAttribute('aria-expanded', elements.length === 0 ? 'false' : 'true');
            statut.textContent = texteResultats(reponse);
        }

        function chercher(puisActiver) {
            var numero = ++numeroRequete;
            var adresse = source + (source.indexOf('?') < 0 ? '?' : '&') + 'terme=' + encodeURIComponent(champ.value.trim());
            // A source filtered by another field of the form (data-filtre-champ: its name): that field's current value.
            var filtreChamp = racine.getAttribute('data-filtre-champ');
            if (filtreChamp && champ.form && champ.form.elements.namedItem(filtreChamp)) {
                adresse += '&filtre=' + encodeURIComponent(champ.form.elements.namedItem(filtreChamp).value);
            }
            fetch(adresse, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
                .then(function (reponse) {
                    if (numero !== numeroRequete) return; // a later search has been sent
                    afficher(reponse);
                    if (puisActiver && elements.length > 0) activer(0);
                })
                .catch(function () {
                    if (numero !== numeroRequete) return;
                    fermer();
                    statut.textContent = 'La recherche n’a pas abouti. Réessayez.';
                });
        }

        champ.addEventListener('input', function () {
            if (champ.value !== libelleChoisi) valeur.value = '';
            clearTimeout(minuterie);
            if (champ.value.trim() === '') { numeroRequete++; fermer(); return; }
            minuterie = setTimeout(function () { chercher(false); }, DELAI);
        });

        champ.addEventListener('keydown', function (e) {
            switch (e.key) {
                case 'ArrowDown':
                    e.preventDefault();
                    if (!ouverte()) { clearTimeout(minuterie); chercher(true); } else activer(active + 1);
                    break;
                case 'ArrowUp':
                    if (!ouverte()) return;
                    e.preventDefault();
                    activer(active < 0 ? elements.length - 1 : active - 1);
                    break;
                case 'Enter':
                    if (!ouverte()) return; // the form is sent as usual
                    e.preventDefault();
                    if (active >= 0) choisir(active); else fermer();
                    break;
                case 'Escape':
                    e.preventDefault();
                    if (ouverte()) { fermer(); return; }
                    champ.value = '';
                    valeur.value = '';
                    libelleChoisi = '';
                    statut.textContent = 'Champ effacé.';
                    break;
                case 'Tab':
                    fermer();
                    break;
                default:
                    break;
            }
        });

        champ.addEventListener('blur', function () { fermer(); });
    }

    function demarrer() {
        var racines = document.querySelectorAll('[data-combobox]');
        for (var i = 0; i < racines.length; i++) initialiser(racines[i]);
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', demarrer);
    else demarrer();
})();
