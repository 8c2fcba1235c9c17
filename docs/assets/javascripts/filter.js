// Filter of the overview list: only case studies or model regions (rows carry data-fallstudie / data-modellregion),
// and by organisational form (data-organisationsform; `?organisationsform=verein` in the address preselects one).
// Progressive enhancement: without JavaScript the fieldset stays hidden and the full list is shown.
document.addEventListener("DOMContentLoaded", function () {
  var fieldset = document.querySelector("fieldset[data-wp-filter]");
  var table = document.querySelector("table.wp-liste");
  if (!fieldset || !table) return;
  var status = document.querySelector(".wp-filter-status");
  var select = fieldset.querySelector("select[name=organisationsform]");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  fieldset.hidden = false;

  function apply() {
    var checked = fieldset.querySelector("input[name=wp-filter]:checked");
    var key = checked ? checked.value : "";
    var form = select ? select.value : "";
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!key || row.getAttribute("data-" + key) === "true") &&
        (!form || row.getAttribute("data-organisationsform") === form);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    status.textContent = key || form ? shown + " von " + rows.length + " Initiativen angezeigt." : "";
  }

  if (select) {
    var wanted = new URLSearchParams(window.location.search).get("organisationsform");
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
    if (wanted && known) {
      select.value = wanted;
      apply();
    }
    select.addEventListener("change", function () {
      var url = new URL(window.location.href);
      if (select.value) url.searchParams.set("organisationsform", select.value);
      else url.searchParams.delete("organisationsform");
      window.history.replaceState(null, "", url);
    });
  }
  fieldset.addEventListener("change", apply);
});
