/* The table's forms, enhanced. A session's time zone follows a place it was held at before.
   The proposal forms: the economic-terms editor shows the form or the JSON (the
   choice made with its radio buttons), rows are added from each formset's empty row, and
   "Answers which proposal" offers only the other side's passes, those on the same article
   first. Without this script the page shows everything and the server's rules still hold. */
(function () {
  "use strict";
  var SIDES = { union: "employer", employer: "union" };
  var NAMES = { union: "The union's passes", employer: "The employer's passes" };

  function showMode(editor) {
    var checked = editor.querySelector("input[name='terms_mode']:checked");
    var mode = checked ? checked.value : "form";
    editor.querySelectorAll("[data-terms-panel]").forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-terms-panel") !== mode;
    });
  }

  function addRow(button) {
    var prefix = button.getAttribute("data-add-row");
    var form = button.closest("form");
    var total = form.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var template = form.querySelector("template[data-empty-row='" + prefix + "']");
    if (!total || !template) { return; }
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    template.parentNode.insertBefore(row, template);
    total.value = String(index + 1);
    var first = row.querySelector("input, select, textarea");
    if (first) { first.focus(); }
  }

  function arrangeAnswers(form) {
    var select = form.querySelector("select[data-answers]");
    if (!select) { return; }
    if (!select._options) {
      select._options = Array.prototype.slice.call(select.querySelectorAll("option[data-side]"));
    }
    var sideField = form.querySelector("select[name$='side']");
    var articleField = form.querySelector("select[name$='article']");
    var side = sideField ? sideField.value : "";
    var article = articleField ? articleField.value : "";
    var articleName = articleField && articleField.selectedIndex > 0 ? articleField.options[articleField.selectedIndex].text.split(":")[0] : "";
    var chosen = select.value;
    var other = SIDES[side];
    var groups = [];
    if (other) {
      var theirs = select._options.filter(function (o) { return o.getAttribute("data-side") === other; });
      var same = theirs.filter(function (o) { return article && o.getAttribute("data-article") === article; });
      var rest = theirs.filter(function (o) { return same.indexOf(o) < 0; });
      if (same.length) { groups.push([NAMES[other] + " on " + articleName, same]); }
      if (rest.length) { groups.push([NAMES[other] + (same.length ? " on other articles" : ""), rest]); }
    } else {
      ["employer", "union"].forEach(function (s) {
        var mine = select._options.filter(function (o) { return o.getAttribute("data-side") === s; });
        if (mine.length) { groups.push([NAMES[s], mine]); }
      });
    }
    select.querySelectorAll("optgroup").forEach(function (g) { g.remove(); });
    groups.forEach(function (group) {
      var element = document.createElement("optgroup");
      element.label = group[0];
      group[1].forEach(function (o) { element.appendChild(o); });
      select.appendChild(element);
    });
    var still = select.querySelector("option[value='" + chosen + "']");
    select.value = still ? chosen : "";
  }

  function arrange(root) {
    root.querySelectorAll("[data-terms-editor]").forEach(showMode);
    root.querySelectorAll("[data-add-row]").forEach(function (b) { b.hidden = false; });
    root.querySelectorAll("select[data-answers]").forEach(function (s) { arrangeAnswers(s.closest("form")); });
  }

  function zoneOfPlace(input) {
    var list = document.getElementById(input.getAttribute("list") || "");
    var zone = input.form && input.form.querySelector("select[name='time_zone']");
    if (!list || !zone) { return; }
    var known = Array.prototype.find.call(list.options, function (o) { return o.value === input.value; });
    if (known && known.getAttribute("data-zone")) { zone.value = known.getAttribute("data-zone"); }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.name === "place" && target.getAttribute("list")) { zoneOfPlace(target); }
    if (target.name === "terms_mode") { showMode(target.closest("[data-terms-editor]")); }
    if (/(^|-)(side|article)$/.test(target.name || "") && target.form) { arrangeAnswers(target.form); }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-add-row]") : null;
    if (button) { event.preventDefault(); addRow(button); }
  });
  document.addEventListener("DOMContentLoaded", function () { arrange(document); });
  document.addEventListener("htmx:load", function (event) { arrange(event.detail.elt); });
})();
