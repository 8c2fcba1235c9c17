// Sortable tables (overview of initiatives): progressive enhancement, the table works without it.
// Material's instant loading would need document$; plain DOMContentLoaded is enough here.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table[data-wp-sortable]").forEach(function (table) {
    new Tablesort(table);
  });
});
