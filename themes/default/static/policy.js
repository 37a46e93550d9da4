// 政策文件库的筛选：没有脚本时列出全部文件，有脚本时按状态、年份、发文机关、类别筛选。
(function () {
  var form = document.getElementById("policy-filter");
  if (!form) return;
  form.hidden = false;
  var rows = document.querySelectorAll("table.policy-docs tbody tr");
  function apply() {
    var want = {};
    ["status", "year", "issuer", "category"].forEach(function (k) { want[k] = form.elements[k].value; });
    rows.forEach(function (r) {
      var show = Object.keys(want).every(function (k) { return !want[k] || r.getAttribute("data-" + k) === want[k]; });
      r.hidden = !show;
    });
  }
  form.addEventListener("change", apply);
})();
