/* The map's choices are sent with the button, not on every change: a change of context on its own
   would reload the page and take the focus away (WCAG 3.2.2), and would change the year before the
   person had chosen the rest. Choosing a level other than gemeente makes the gemeente choice
   available at once. On a phone the map's filters start folded, so the map is the first thing on
   the screen. (The file keeps its name: pages load it by it.) */
(function () {
  'use strict';
  var level = document.getElementById('level');
  var within = document.getElementById('within');
  if (level && within) {
    level.addEventListener('change', function () {
      within.disabled = level.value === 'gemeente';
    });
  }
  var filters = document.getElementById('map-filters');
  if (filters && window.matchMedia && window.matchMedia('(max-width: 767.98px)').matches) {
    filters.removeAttribute('open');
  }
})();
