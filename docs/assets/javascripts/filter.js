// Filter of the overview list: show only case studies or model regions (rows carry data-fallstudie / data-modellregion).
// Progressive enhancement: without JavaScript the fieldset stays hidden and the full list is shown.
document.addEventListener("DOMContentLoaded", function () {
  var fieldset = document.querySelector("fieldset[data-wp-filter]");
  var table = document.querySelector("table.wp-liste");
  if (!fieldset || !table) return;
  var status = document.querySelector(".wp-filter-status");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  fieldset.hidden = false;
  fieldset.addEventListener("change", function (event) {
    var key = event.target.value;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = !key || row.getAttribute("data-" + key) === "true";
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    status.textContent = key ? shown + " von " + rows.length + " Initiativen angezeigt." : "";
  });
});
