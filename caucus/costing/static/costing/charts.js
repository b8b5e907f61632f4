// Draws each costing chart from the JSON the page carries next to it (<canvas id="X"> and
// <script id="X-data">). The numbers are also in a table on the page; the chart adds nothing
// a screen reader needs.
(function () {
  "use strict";
  function money(value) {
    var sign = value < 0 ? "\u2212" : "";
    return sign + "$" + Math.abs(value).toLocaleString("en-US", {maximumFractionDigits: 0});
  }
  function draw(canvas) {
    var source = document.getElementById(canvas.id + "-data");
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new Chart(canvas, {
      type: spec.type,
      data: {labels: spec.labels, datasets: spec.datasets},
      options: {
        animation: reduced ? false : {duration: 300},
        maintainAspectRatio: false,
        plugins: {
          legend: {position: "bottom"},
          tooltip: {callbacks: {label: function (item) {
            var v = item.parsed.y;
            return item.dataset.label + ": " + (spec.money ? money(v) : v.toLocaleString("en-US"));
          }}}
        },
        scales: {y: {beginAtZero: true, ticks: {callback: function (v) {
          return spec.money ? money(v) : v.toLocaleString("en-US");
        }}}}
      }
    });
    canvas.setAttribute("data-drawn", "true");
  }
  function start() {
    document.querySelectorAll("canvas[id]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
