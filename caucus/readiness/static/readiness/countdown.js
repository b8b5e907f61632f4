// Counts down to a strike notice's deadline (<p id="countdown" data-deadline="ISO" data-by="…">).
// The page already says how long is left; this keeps it current each minute, without
// announcing every change to a screen reader.
(function () {
  "use strict";
  function plural(n, unit) { return n + " " + unit + (n === 1 ? "" : "s"); }
  function words(minutes) {
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60);
    if (days) { return plural(days, "day") + (hours ? " " + plural(hours, "hour") : ""); }
    return (hours ? plural(hours, "hour") + " " : "") + plural(minutes % 60, "minute");
  }
  function start() {
    var node = document.getElementById("countdown");
    if (!node) { return; }
    var deadline = Date.parse(node.getAttribute("data-deadline"));
    if (isNaN(deadline)) { return; }
    function update() {
      var left = Math.floor((deadline - Date.now()) / 60000);
      node.textContent = left > 0
        ? words(left) + " left to serve both notices (by " + node.getAttribute("data-by") + ")."
        : "The deadline has passed: reload the page.";
    }
    update();
    window.setInterval(update, 60000);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
