// Progressive enhancement only: every page works without this file.
// Adds "Copy" buttons to citation blocks.
document.querySelectorAll("button.copy[data-copy]").forEach(function (btn) {
  var target = document.getElementById(btn.dataset.copy);
  if (!target || !navigator.clipboard) return;
  btn.hidden = false;
  var label = btn.textContent;
  btn.addEventListener("click", function () {
    navigator.clipboard.writeText(target.textContent).then(function () {
      btn.textContent = btn.dataset.copied || "Copied";
      setTimeout(function () { btn.textContent = label; }, 2000);
    }, function () {
      // Without clipboard permission, select the text so Ctrl+C copies it.
      var range = document.createRange();
      range.selectNodeContents(target);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      btn.textContent = btn.dataset.selected || "Selected: press Ctrl+C";
    });
  });
});

// Charts of counts over time (the search's years, the timeline's periods):
// each bar is a link narrowing to its span; dragging across bars narrows to
// the range they cover, a search with from and to. Without this file, or by
// keyboard, the bars' links and the typed dates do the same.
document.querySelectorAll("figure.histogram[data-range]").forEach(function (fig) {
  var bars = Array.prototype.slice.call(fig.querySelectorAll("a[data-from]"));
  var start = null, end = null, moved = false, suppress = false;
  function barAt(e) {
    var el = document.elementFromPoint(e.clientX, e.clientY);
    return el && el.closest ? el.closest("figure.histogram a[data-from]") : null;
  }
  function mark() {
    var a = bars.indexOf(start), b = bars.indexOf(end);
    bars.forEach(function (bar, i) {
      bar.parentNode.classList.toggle("selected", start !== null && i >= Math.min(a, b) && i <= Math.max(a, b));
    });
  }
  bars.forEach(function (bar) {
    bar.draggable = false;
    bar.addEventListener("dragstart", function (e) { e.preventDefault(); });
  });
  fig.addEventListener("pointerdown", function (e) {
    var bar = barAt(e);
    if (!bar || e.button !== 0) return;
    start = end = bar;
    moved = false;
    fig.classList.add("dragging");
    mark();
    e.preventDefault();
  });
  fig.addEventListener("pointermove", function (e) {
    if (start === null) return;
    var bar = barAt(e);
    if (bar && bar !== end) {
      end = bar;
      moved = true;
      mark();
    }
  });
  document.addEventListener("pointerup", function () {
    if (start === null) return;
    var i = bars.indexOf(start), j = bars.indexOf(end);
    start = end = null;
    fig.classList.remove("dragging");
    if (!moved || i === j) { // a click: the bar's own link narrows to it
      mark();
      return;
    }
    var u = new URL(fig.dataset.range, window.location.href);
    u.searchParams.set("from", bars[Math.min(i, j)].dataset.from);
    u.searchParams.set("to", bars[Math.max(i, j)].dataset.to);
    u.searchParams.delete("page");
    suppress = true;
    window.location.assign(u.pathname + u.search);
  });
  // The release that ends a drag must not also follow the bar it ends on.
  fig.addEventListener("click", function (e) {
    if (suppress) e.preventDefault();
  }, true);
});
