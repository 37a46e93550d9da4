/* gongkai reading-room kiosk layer (only in `gongkai pack --kiosk` bundles): after
   data-idle seconds without a touch, click, key or scroll, go back to the home page, so the
   next reader never finds the last one's page (or search). */
(function () {
  var me = document.currentScript;
  if (!me) return;
  var home = me.getAttribute("data-home") || "index.html";
  var secs = parseInt(me.getAttribute("data-idle"), 10);
  if (!(secs > 0)) return;
  var atHome = /(^|\/)index\.html$/.test(location.pathname) && me.getAttribute("data-home") === "index.html";
  var timer = null;
  function idle() {
    if (atHome && !location.search && !location.hash) {
      window.scrollTo(0, 0);
      arm();
      return;
    }
    location.replace(home);
  }
  function arm() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(idle, secs * 1000);
  }
  ["pointerdown", "touchstart", "keydown", "wheel", "scroll", "mousemove"].forEach(function (ev) {
    window.addEventListener(ev, arm, { passive: true, capture: true });
  });
  arm();
})();
