// Progressive enhancement of a scanned document's pages (the page works
// without this file: pictures link to full pages, lines to their regions).
// Each page picture becomes a deep-zoom viewer (OpenSeadragon, vendored in
// static/vendor) when it scrolls near; a click on a line of the page's text
// marks the line's region on the scan and brings it into view; lines holding
// the words searched for (?hl=) are marked when the page opens.
(function () {
  "use strict";
  if (!window.OpenSeadragon) return;
  // The page gives the buttons' words in its language (data-* of the section).
  var section = document.querySelector("section.pages-of-scan");
  var words = {
    zoomin: (section && section.dataset.zoomin) || "Zoom in",
    zoomout: (section && section.dataset.zoomout) || "Zoom out",
    home: (section && section.dataset.home) || "Whole page",
    help: (section && section.dataset.help) || "zoom with the wheel or the buttons, drag to move"
  };

  function boxOf(link) {
    return link.dataset.box.split(",").map(Number);
  }

  function enhance(page) {
    var fig = page.querySelector("figure.scan[data-info]");
    var picture = fig.querySelector("a.page-link");
    var links = Array.prototype.slice.call(page.querySelectorAll(".ocr-lines a[data-box]"));
    var viewer = null;
    var opened = false;
    var waiting = null; // a line clicked before the page image opened
    var selected = null; // the overlay of the clicked line

    // rect is a line's region in the viewer's coordinates.
    function rect(link) {
      var item = viewer.world.getItemAt(0);
      var size = item.getContentSize();
      var b = boxOf(link);
      return item.imageToViewportRectangle(b[0] * size.x, b[1] * size.y, b[2] * size.x, b[3] * size.y);
    }

    function overlay(link, kind) {
      var el = document.createElement("div");
      el.className = "region " + kind;
      viewer.addOverlay({ element: el, location: rect(link) });
      return el;
    }

    function select(link) {
      if (!opened) {
        waiting = link;
        return;
      }
      links.forEach(function (l) { l.removeAttribute("aria-current"); });
      link.setAttribute("aria-current", "true");
      if (selected) viewer.removeOverlay(selected);
      selected = overlay(link, "selected");
      // The line with some of the page around it, so it is read in place.
      var r = rect(link);
      var pad = Math.max(r.width, r.height * 6) * 0.15;
      viewer.viewport.fitBoundsWithConstraints(new OpenSeadragon.Rect(r.x - pad, r.y - pad * 2, r.width + 2 * pad, r.height + 4 * pad));
    }

    function open() {
      if (viewer) return;
      var box = document.createElement("div");
      box.className = "osd";
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", picture.querySelector("img").alt + ": " + words.help);
      var tools = document.createElement("div");
      tools.className = "zoom";
      [[words.zoomin, function () { viewer.viewport.zoomBy(1.5); }],
        [words.zoomout, function () { viewer.viewport.zoomBy(1 / 1.5); }],
        [words.home, function () { viewer.viewport.goHome(); }]].forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b[0];
        btn.addEventListener("click", b[1]);
        tools.appendChild(btn);
      });
      fig.insertBefore(tools, picture);
      fig.insertBefore(box, tools);
      picture.hidden = true;
      viewer = OpenSeadragon({
        element: box,
        tileSources: fig.dataset.info,
        // The canvas drawer, not WebGL: same-origin tiles, and a page that
        // can be read back (tests, screenshots) on any machine.
        drawer: "canvas",
        showNavigationControl: false,
        visibilityRatio: 0.5,
        gestureSettingsMouse: { clickToZoom: false },
      });
      viewer.addHandler("open", function () {
        opened = true;
        box.dataset.opened = "true";
        links.forEach(function (l) { if (l.classList.contains("hit")) overlay(l, "hit"); });
        if (waiting) select(waiting);
      });
      viewer.addHandler("open-failed", function () {
        // Back to the plain picture: it still links to the page.
        box.remove();
        tools.remove();
        picture.hidden = false;
      });
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return; // a new tab: the region itself
        e.preventDefault();
        open();
        select(link);
      });
    });

    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          seen.disconnect();
          open();
        }
      }, { rootMargin: "300px" });
      seen.observe(fig);
    } else {
      open();
    }
  }

  document.querySelectorAll(".scan-page").forEach(enhance);
})();
