// Progressive enhancement only: every page works without this file.
// Adds "Copy" buttons to citation blocks.
document.querySelectorAll("button.copy[data-copy]").forEach(function (btn) {
  var target = document.getElementById(btn.dataset.copy);
  if (!target || !navigator.clipboard) return;
  btn.hidden = false;
  btn.addEventListener("click", function () {
    navigator.clipboard.writeText(target.textContent).then(function () {
      btn.textContent = "Copied";
      setTimeout(function () { btn.textContent = "Copy"; }, 2000);
    });
  });
});
