// Wide tables (.table-defilante, docs/design.md): when one is wider than the screen, its box becomes a named, focusable
// region (scrolled with the arrow keys) and a visible hint above it says so. Without this script the table still scrolls,
// and the CSS shadows at its edges still show there is more.
(function () {
  var boites = Array.prototype.slice.call(document.querySelectorAll('.table-defilante'));
  if (boites.length === 0) return;
  boites.forEach(function (boite) {
    var indice = document.createElement('p');
    indice.className = 'indice-defilement';
    indice.hidden = true;
    indice.setAttribute('aria-hidden', 'true');
    indice.textContent = 'Tableau plus large que l\u2019écran : faites-le défiler horizontalement \u2192';
    boite.parentNode.insertBefore(indice, boite);
    boite._indice = indice;
  });
  function mesurer() {
    boites.forEach(function (boite) {
      var deborde = boite.scrollWidth > boite.clientWidth + 1;
      boite._indice.hidden = !deborde;
      if (deborde) {
        var titre = boite.querySelector('caption');
        boite.setAttribute('tabindex', '0');
        boite.setAttribute('role', 'region');
        boite.setAttribute('aria-label', (titre ? titre.textContent.trim() : 'Tableau') + ' (défilant)');
      } else if (boite.getAttribute('role') === 'region') {
        boite.removeAttribute('tabindex');
        boite.removeAttribute('role');
        boite.removeAttribute('aria-label');
      }
    });
  }
  mesurer();
  var attente;
  window.addEventListener('resize', function () { clearTimeout(attente); attente = setTimeout(mesurer, 150); });
})();
