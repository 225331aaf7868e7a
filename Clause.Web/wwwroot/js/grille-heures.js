/*
 * Clause — the hours entry grid (Pages/Heures/Lot.cshtml), progressive enhancement of a plain form: without this
 * script the grid is a table of text fields posted at once, totals as saved, and the server warns when a month
 * outside the period was written. With it:
 * - arrows move between cells (Left/Right once the caret is at the edge of the text; focusing a cell selects it);
 *   Tab goes to the next month of the same line (Shift+Tab the previous one), and leaves the line at its end;
 * - a block copied from a spreadsheet (tabs and line breaks) fills the cells from the current one; what falls
 *   outside the grid is ignored and said so; text or a formula marks its cell in error (the server refuses it too);
 * - the totals per line, per month and of the grid follow the typing; one polite announcement after a pause;
 * - a cell outside the contrat or the lot's execution is disabled, its reason visible beside it. The server decides
 *   which cells (data-hors-periode, by the domain's rule): this script does not know the rule. A cell that already
 *   holds hours stays editable, so it can be corrected.
 * No inline script or style (the Content-Security-Policy allows neither): classes and the hidden attribute only.
 */
(function () {
    'use strict';

    var PAUSE_ANNONCE = 800;
    var NOMBRE = /^\d{1,13}(\.\d{0,2})?$/;
    var format = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

    /** Minutes of a typed value, 0 when empty, null when it is not a number (the server's Duree.TryParseHeures). */
    function minutes(valeur) {
        var texte = valeur.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
        if (texte.length === 0) return 0;
        if (!NOMBRE.test(texte)) return null;
        var parties = texte.split('.');
        var centiemes = parseInt(parties[0], 10) * 100 + parseInt(((parties[1] || '') + '00').substring(0, 2), 10);
        return Math.round(centiemes * 60 / 100);
    }

    function heures(total) {
        return format.format(Math.round(total * 100 / 60) / 100) + ' h';
    }

    function initialiser(table) {
        var form = table.closest('form');
        var lignes = Array.prototype.slice.call(table.tBodies[0].rows);
        // Navigation rows: the hours of each line, then its invoiced amounts (sous-/co-traitance) as a row of their own.
        var grille = [];
        var saisies = [];
        lignes.forEach(function (tr) {
            var h = Array.prototype.slice.call(tr.querySelectorAll('input.saisie-heures'));
            var m = Array.prototype.slice.call(tr.querySelectorAll('input.saisie-montant'));
            if (h.length === 0) return;
            grille.push(h);
            saisies.push({ ligne: tr, cellules: h });
            if (m.length > 0) grille.push(m);
        });
        if (saisies.length === 0) return;

        var consigne = document.querySelector('[data-consigne-grille]');
        if (consigne) {
            consigne.hidden = false;
            table.setAttribute('aria-describedby', consigne.id);
        }
        var message = document.createElement('p');
        message.className = 'message-grille';
        message.setAttribute('role', 'status');
        message.hidden = true;
        table.parentNode.parentNode.insertBefore(message, table.parentNode);
        var annonce = document.createElement('p');
        annonce.className = 'sr-only';
        annonce.setAttribute('aria-live', 'polite');
        annonce.id = 'annonce-totaux';
        table.parentNode.parentNode.insertBefore(annonce, table.parentNode);

        // Cells outside the period: disabled with their reason, unless they already hold hours to correct.
        grille.forEach(function (rang) {
            rang.forEach(function (champ) {
                var cellule = champ.closest('td');
                var raison = cellule.querySelector('input.saisie-heures').getAttribute('data-hors-periode');
                if (!raison) return;
                cellule.classList.add('hors-periode');
                if (cellule.querySelector('input.saisie-heures').value.trim() === '' && champ.value.trim() === '') {
                    champ.disabled = true;
                }
            });
        });

        function position(champ) {
            for (var r = 0; r < grille.length; r++) {
                var c = grille[r].indexOf(champ);
                if (c >= 0) return { r: r, c: c };
            }
            return null;
        }

        /** The next enabled cell from (r, c) in the direction (dr, dc), or null at the edge. */
        function voisin(r, c, dr, dc) {
            for (;;) {
                r += dr;
                c += dc;
                if (r < 0 || r >= grille.length || c < 0 || c >= grille[r].length) return null;
                if (!grille[r][c].disabled) return grille[r][c];
            }
        }

        function aller(champ) {
            champ.focus();
            champ.select();
        }

        function verifier(champ) {
            var erreur = champ.classList.contains('saisie-heures') && minutes(champ.value) === null;
            champ.classList.toggle('saisie-invalide', erreur);
            if (erreur) champ.setAttribute('aria-invalid', 'true');
            else if (!champ.closest('td').classList.contains('champ-erreur')) champ.setAttribute('aria-invalid', 'false');
            return erreur;
        }

        var totauxMois = table.querySelectorAll('[data-total-mois]');
        var totalGrille = table.querySelector('[data-total-grille]');

        function compte(champ) {
            // Razor always writes data-* attributes: empty means inside the period.
            if (champ.getAttribute('data-hors-periode')) return 0;
            return minutes(champ.value) || 0;
        }

        function recalculer() {
            var parMois = [];
            var tout = 0;
            saisies.forEach(function (s) {
                var somme = 0;
                s.cellules.forEach(function (champ, i) {
                    var m = compte(champ);
                    somme += m;
                    parMois[i] = (parMois[i] || 0) + m;
                });
                tout += somme;
                s.total = somme;
                s.ligne.querySelector('[data-total-ligne]').textContent = heures(somme);
            });
            for (var i = 0; i < totauxMois.length; i++) totauxMois[i].textContent = heures(parMois[i] || 0);
            if (totalGrille) totalGrille.textContent = heures(tout);
            return parMois;
        }

        var minuterie = null;
        function annoncer(champ) {
            var parMois = recalculer();
            window.clearTimeout(minuterie);
            minuterie = window.setTimeout(function () {
                var p = position(champ);
                if (!p) return;
                var s = saisies.filter(function (x) { return x.cellules.indexOf(champ) >= 0; })[0];
                var c = s ? s.cellules.indexOf(champ) : p.c;
                var texte = (s ? 'Total de ' + s.ligne.getAttribute('data-ligne') + ' : ' + heures(s.total) + ' ; ' : '')
                    + 'total de ' + champ.closest('td').getAttribute('data-mois') + ' : ' + heures(parMois[c] || 0) + '.';
                annonce.textContent = texte;
            }, PAUSE_ANNONCE);
        }

        function montrer(texte) {
            message.textContent = texte;
            message.hidden = texte.length === 0;
        }

        function coller(champ, texte) {
            var depart = saisies.map(function (s) { return s.cellules; });
            var r0 = -1, c0 = -1;
            depart.forEach(function (rang, r) {
                var c = rang.indexOf(champ);
                if (c >= 0) { r0 = r; c0 = c; }
            });
            if (r0 < 0) return;
            var rangs = texte.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map(function (l) { return l.split('\t'); });
            var remplies = 0, dehors = 0, horsPeriode = 0, erreurs = 0;
            rangs.forEach(function (valeurs, i) {
                valeurs.forEach(function (valeur, j) {
                    var r = r0 + i, c = c0 + j;
                    if (r >= depart.length || c >= depart[r].length) { dehors++; return; }
                    var cible = depart[r][c];
                    if (cible.disabled) { horsPeriode++; return; }
                    cible.value = valeur.trim();
                    if (verifier(cible)) erreurs++;
                    remplies++;
                });
            });
            var phrases = [remplies === 1 ? '1 case remplie par le collage.' : remplies + ' cases remplies par le collage.'];
            if (dehors > 0) phrases.push(dehors === 1 ? '1 valeur dépasse la grille : elle est ignorée.' : dehors + ' valeurs dépassent la grille : elles sont ignorées.');
            if (horsPeriode > 0) phrases.push(horsPeriode === 1 ? '1 valeur tombe sur un mois hors période : elle est ignorée.' : horsPeriode + ' valeurs tombent sur des mois hors période : elles sont ignorées.');
            if (erreurs > 0) phrases.push(erreurs === 1 ? '1 case ne contient pas un nombre d\u2019heures : elle est signalée, l\u2019enregistrement la refusera.' : erreurs + ' cases ne contiennent pas un nombre d\u2019heures : elles sont signalées, l\u2019enregistrement les refusera.');
            montrer(phrases.join(' '));
            recalculer();
        }

        table.addEventListener('focusin', function (e) {
            if (e.target.tagName === 'INPUT') e.target.select();
        });

        table.addEventListener('input', function (e) {
            if (e.target.tagName !== 'INPUT') return;
            verifier(e.target);
            annoncer(e.target);
        });

        table.addEventListener('paste', function (e) {
            var champ = e.target;
            if (!champ.classList || !champ.classList.contains('saisie-heures')) return;
            var texte = (e.clipboardData || window.clipboardData).getData('text');
            if (texte.indexOf('\t') < 0 && texte.replace(/\r?\n$/, '').indexOf('\n') < 0) return;
            e.preventDefault();
            coller(champ, texte);
        });

        table.addEventListener('keydown', function (e) {
            var champ = e.target;
            if (champ.tagName !== 'INPUT' || e.altKey || e.ctrlKey || e.metaKey) return;
            var p = position(champ);
            if (!p) return;
            var cible = null;
            var debut = champ.selectionStart === 0 && champ.selectionEnd === 0;
            var toutChoisi = champ.selectionStart === 0 && champ.selectionEnd === champ.value.length;
            var fin = champ.selectionStart === champ.value.length;
            switch (e.key) {
                case 'ArrowUp': cible = voisin(p.r, p.c, -1, 0); break;
                case 'ArrowDown': cible = voisin(p.r, p.c, 1, 0); break;
                case 'ArrowLeft': if (debut || toutChoisi) cible = voisin(p.r, p.c, 0, -1); break;
                case 'ArrowRight': if (fin || toutChoisi) cible = voisin(p.r, p.c, 0, 1); break;
                case 'Tab': cible = voisin(p.r, p.c, 0, e.shiftKey ? -1 : 1); break;
                default: return;
            }
            if (!cible) return;
            e.preventDefault();
            aller(cible);
        });

        if (form) {
            form.addEventListener('submit', function () { montrer(''); });
        }
        grille.forEach(function (rang) { rang.forEach(verifier); });
        recalculer();
    }

    function demarrer() {
        var tables = document.querySelectorAll('table[data-grille-heures]');
        for (var i = 0; i < tables.length; i++) initialiser(tables[i]);
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', demarrer);
    else demarrer();
})();
