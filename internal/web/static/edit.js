// Progressive enhancement of the record form: suggestions from the
// authority file as one types a name (a line of a people list) or a place.
// Without this file the form is plain inputs, one name a line.
(function () {
  "use strict";
  var fields = document.querySelectorAll("[data-suggest]");
  if (!fields.length || !window.fetch) return;

  // The current line of a textarea, or the whole input, and where it is.
  function currentLine(el) {
    var v = el.value, at = el.selectionStart || 0;
    if (el.tagName !== "TEXTAREA") return { start: 0, end: v.length, text: v };
    var start = v.lastIndexOf("\n", at - 1) + 1;
    var end = v.indexOf("\n", at);
    if (end < 0) end = v.length;
    return { start: start, end: end, text: v.slice(start, end) };
  }

  fields.forEach(function (el, n) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = "suggest-" + n;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    el.insertAdjacentElement("afterend", list);
    el.setAttribute("aria-controls", list.id);
    var timer = null, asked = 0;

    function show(names, line) {
      list.textContent = "";
      names.forEach(function (s) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = s.name + (s.matched ? " (" + s.matched + ")" : "") + (s.dates ? ", " + s.dates : "");
        b.addEventListener("click", function () {
          el.value = el.value.slice(0, line.start) + s.name + el.value.slice(line.end);
          list.hidden = true;
          el.focus();
        });
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = names.length === 0;
    }

    el.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var line = currentLine(el), q = line.text.trim();
        if (q.length < 2) { show([], line); return; }
        var mine = ++asked;
        fetch("/api/names/suggest?kind=" + encodeURIComponent(el.dataset.suggest) + "&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (names) { if (mine === asked) show(names, line); })
          .catch(function () { show([], line); });
      }, 200);
    });
    el.addEventListener("keydown", function (e) {
      if (e.key === "Escape") list.hidden = true;
    });
  });
})();
