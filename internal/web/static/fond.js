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
