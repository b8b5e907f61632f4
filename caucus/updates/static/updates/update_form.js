/* The update form's long lists of boxes, filtered as you type: an item stays when every word
   typed begins a word of its label or of its group's heading (an article's number and title),
   so "12" finds Article 12 and not 2026. Hidden boxes
   keep their ticks and are sent with the form. Without this script the filter box stays hidden
   and every item is listed. */
(function () {
  "use strict";

  // Words, split at spaces and at the labels' punctuation ("Art. 12 ·", "Jan 5, 2026").
  function words(text) {
    return text.toLowerCase().split(/[\s·:;,.()\[\]“”"'‘’]+/).filter(Boolean);
  }

  function itemText(item) {
    var group = item.closest(".checklist-group");
    var legend = group ? group.querySelector("legend") : null;
    return words((legend ? legend.textContent : "") + " " + item.textContent);
  }

  function matches(itemWords, wanted) {
    return wanted.every(function (word) {
      return itemWords.some(function (w) { return w.indexOf(word) === 0; });
    });
  }

  function apply(box, list, shown) {
    var wanted = words(box.value);
    var items = list.querySelectorAll(".checklist-item");
    var count = 0;
    items.forEach(function (item) {
      var keep = matches(itemText(item), wanted);
      item.hidden = !keep;
      if (keep) { count += 1; }
    });
    list.querySelectorAll(".checklist-group").forEach(function (group) {
      group.hidden = !group.querySelector(".checklist-item:not([hidden])");
    });
    var ticked = list.querySelectorAll(".checklist-item[hidden] input:checked").length;
    if (!wanted.length) {
      shown.textContent = "All " + items.length + " shown. Ticked ones stay ticked while hidden.";
    } else {
      shown.textContent = count + " of " + items.length + " shown" +
        (ticked ? "; " + ticked + " ticked but hidden." : ".");
    }
  }

  function enhance(filter) {
    var list = document.getElementById(filter.getAttribute("data-checklist-filter"));
    var box = filter.querySelector("input[type=search]");
    var shown = filter.querySelector("[data-checklist-shown]");
    if (!list || !box || !shown) { return; }
    filter.hidden = false;
    box.addEventListener("input", function () { apply(box, list, shown); });
    // Enter in the filter box filters; it must not send the half-written update.
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); apply(box, list, shown); }
    });
    if (box.value) { apply(box, list, shown); }
  }

  function start() {
    document.querySelectorAll("[data-checklist-filter]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
