// Draws each turnout chart from the JSON the page carries next to it (<canvas id="X"> and
// <script id="X-data">). The figures are also in a table on the page.
(function () {
  "use strict";
  function draw(canvas) {
    var source = document.getElementById(canvas.id + "-data");
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new Chart(canvas, {
      type: spec.type,
      data: {labels: spec.labels, datasets: spec.datasets.map(function (d) {
        return Object.assign({borderColor: "#8a1538", backgroundColor: "#8a1538", tension: 0.1}, d);
      })},
      options: {
        animation: reduced ? false : {duration: 300},
        maintainAspectRatio: false,
        plugins: {legend: {position: "bottom"}},
        scales: {y: {beginAtZero: true}}
      }
    });
    canvas.setAttribute("data-drawn", "true");
  }
  function start() { document.querySelectorAll("canvas[id]").forEach(draw); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
