/* Before/after charts on the targets page: the area's series (solid, dark blue) next to the mean
   of its peer group (dashed, orange) with the start year marked; colour-blind safe by hue and dash.
   Each chart has a table alternative rendered by the server. */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  document.querySelectorAll('canvas[data-target]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.target);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.years.map(String),
        datasets: [
          { label: d.areaLabel, data: d.area, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', spanGaps: true },
          { label: d.peerLabel, data: d.peers, borderColor: '#b35806', backgroundColor: '#b35806', borderDash: [6, 4], spanGaps: true }
        ]
      },
      options: {
        animation: false,
        locale: lang,
        aspectRatio: 2.2,
        plugins: {
          legend: { display: true },
          title: { display: true, text: d.title }
        }
      }
    });
  });
})();
