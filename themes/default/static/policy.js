// 政策文件库的组合筛选。没有脚本时，“按条件查看”里的链接各通向一个列表页；有脚本时，
// 库页上另显示一个表单，按状态、年份、发文机关、类别同时筛选表格中的行。不读取任何文件，
// 从 U 盘（file://）打开也能用。
(function () {
  var form = document.getElementById("policy-filter");
  if (!form) return;
  form.hidden = false;
  var rows = document.querySelectorAll("table.policy-docs tbody tr");
  var count = document.getElementById("policy-count");
  var keys = ["status", "year", "issuer", "category"];
  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], ok = true;
      for (var k = 0; k < keys.length; k++) {
        var want = form.elements[keys[k]] ? form.elements[keys[k]].value : "";
        if (want && r.getAttribute("data-" + keys[k]) !== want) ok = false;
      }
      r.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = "符合条件的文件 " + shown + " 件";
  }
  form.addEventListener("change", apply);
})();
