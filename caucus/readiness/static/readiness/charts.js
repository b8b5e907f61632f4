// Draws each readiness chart from the JSON the page carries next to it (<canvas id="X"> and
// <script id="X-data">). The figures are also in a table on the page; the chart adds nothing a
// screen reader needs. Lines differ by dash as well as colour.
(function () {
  "use strict";
  function format(spec, value) {
    return spec.percent ? value.toLocaleString("en-US") + "%" : value.toLocaleString("en-US");
  }
  function draw(canvas) {
    var source = document.getElementById(canvas.id + "-data");
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var y = {beginAtZero: true, ticks: {callback: function (v) { return format(spec, v); }}};
    if (spec.percent) { y.max = 100; }
    new Chart(canvas, {
      type: spec.type,
      data: {labels: spec.labels, datasets: spec.datasets},
      options: {
        animation: reduced ? false : {duration: 300},
        maintainAspectRatio: false,
        plugins: {
          legend: {position: "bottom"},
          tooltip: {callbacks: {label: function (item) {
            return item.dataset.label + ": " + format(spec, item.parsed.y);
          }}}
        },
        scales: {y: y}
      }
    });
    canvas.setAttribute("data-drawn", "true");
  }
  function start() { document.querySelectorAll("canvas[id]").forEach(draw); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
