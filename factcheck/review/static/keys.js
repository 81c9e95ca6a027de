// Keyboard shortcuts of the review desk. Pages work without this file;
// it only presses the buttons and follows the links that are already there.
(function () {
  "use strict";

  function typing(event) {
    var t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function submitVerdict(button) {
    var form = document.getElementById("verdict-form");
    var reviewer = document.getElementById("reviewer");
    if (!form || !button) { return false; }
    if (!reviewer.value.trim()) {
      reviewer.focus();
      reviewer.reportValidity();
      return false;
    }
    form.requestSubmit(button);
    return true;
  }

  var VERDICT_KEYS = { c: "confirm", r: "reject", s: "skip" };

  function queuePage() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-pair-id]"));
    var memory = "factcheck-queue:" + location.pathname + location.search;
    var selected = 0;

    function select(index) {
      if (!rows.length) { return; }
      selected = Math.max(0, Math.min(rows.length - 1, index));
      rows.forEach(function (row, i) {
        row.classList.toggle("selected", i === selected);
        row.setAttribute("aria-selected", i === selected ? "true" : "false");
      });
      rows[selected].scrollIntoView({ block: "nearest" });
    }

    function remember(advance) {
      if (!rows.length) { return; }
      sessionStorage.setItem(memory, JSON.stringify({
        id: rows[selected].dataset.pairId, index: selected, advance: advance
      }));
    }

    function restore() {
      var saved = null;
      try { saved = JSON.parse(sessionStorage.getItem(memory) || "null"); } catch (e) { saved = null; }
      sessionStorage.removeItem(memory);
      if (!saved) { select(0); return; }
      var found = rows.findIndex(function (row) { return row.dataset.pairId === saved.id; });
      // A reviewed row may have left a filtered queue: then its successor is at the same index.
      select(found >= 0 ? found + (saved.advance ? 1 : 0) : saved.index);
    }

    rows.forEach(function (row, i) {
      row.addEventListener("click", function () { select(i); });
    });

    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey || !rows.length) { return; }
      var key = event.key;
      if (key === "j") { select(selected + 1); }
      else if (key === "k") { select(selected - 1); }
      else if (key === "Enter") {
        remember(false);
        location.href = rows[selected].querySelector("a.open").href;
      } else if (VERDICT_KEYS[key]) {
        var button = rows[selected].querySelector('button[value="' + VERDICT_KEYS[key] + '"]');
        remember(true);
        if (!submitVerdict(button)) { sessionStorage.removeItem(memory); }
      } else { return; }
      event.preventDefault();
    });

    restore();
  }

  function pairPage() {
    var links = { n: "next-link", p: "prev-link", u: "queue-link" };
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var key = event.key;
      if (VERDICT_KEYS[key]) {
        submitVerdict(document.querySelector('#verdict-form button[value="' + VERDICT_KEYS[key] + '"]'));
      } else if (links[key]) {
        var link = document.getElementById(links[key]);
        if (link) { location.href = link.href; }
      } else { return; }
      event.preventDefault();
    });
  }

  if (document.body.classList.contains("queue-page")) { queuePage(); }
  if (document.body.classList.contains("pair-page")) { pairPage(); }
})();
