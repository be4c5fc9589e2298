/* Forms marked data-autosubmit send themselves when a choice changes (the button stays for keyboards
   and for browsers without script). The year goes along: when the new level, indicator or gemeente
   has no figures in it, the server shows the best-covered year and says so. On a phone the map's
   filters start folded, so the map is the first thing on the screen. */
(function () {
  'use strict';
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    form.querySelectorAll('select').forEach(function (s) {
      s.addEventListener('change', function () { form.submit(); });
    });
  });
  var filters = document.getElementById('map-filters');
  if (filters && window.matchMedia && window.matchMedia('(max-width: 767.98px)').matches) {
    filters.removeAttribute('open');
  }
})();
