/* Large-font (长者) mode: a button that only appears when scripts run, and a choice that
   persists across pages and visits. Pages work fully without this script. */
(function () {
  var btn = document.getElementById("large-toggle");
  if (!btn) return;
  var root = document.documentElement;
  function sync() {
    var on = root.classList.contains("large");
    btn.setAttribute("aria-pressed", on ? "true" : "false");
    btn.textContent = on ? "标准字号" : "长者模式（大字）";
  }
  btn.hidden = false;
  sync();
  btn.addEventListener("click", function () {
    root.classList.toggle("large");
    try { localStorage.setItem("gk-large", root.classList.contains("large") ? "1" : "0"); } catch (e) {}
    sync();
  });
})();

/* The print button needs scripts, so it stays hidden without them. */
(function () {
  var btn = document.getElementById("print-btn");
  if (!btn) return;
  btn.hidden = false;
  btn.addEventListener("click", function () { window.print(); });
})();

/* A table's scroll box takes the keyboard focus only while it scrolls (the HTML makes every
   box focusable, so it works without scripts). */
(function () {
  var boxes = document.querySelectorAll(".table-wrap[tabindex]");
  if (!boxes.length) return;
  function sync() {
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      if (b.scrollWidth > b.clientWidth + 1) b.setAttribute("tabindex", "0");
      else if (document.activeElement !== b) b.removeAttribute("tabindex");
    }
  }
  sync();
  addEventListener("resize", sync);
})();
