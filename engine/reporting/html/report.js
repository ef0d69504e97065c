(function () {
  'use strict';
  var collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});
  function key(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return null;
    var sort = cell.getAttribute('data-sort');
    if (numeric) {
      if (sort === null || sort === '') return null;
      var x = Number(sort);
      return isFinite(x) ? x : null;
    }
    return sort !== null ? sort : cell.textContent.trim();
  }
  function sortBy(table, th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, i) {
      return {row: row, i: i, key: key(row, index, numeric)};
    });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        return a.key === b.key ? a.i - b.i : (a.key === null ? 1 : -1);
      }
      var c = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      if (!ascending) c = -c;
      return c !== 0 ? c : a.i - b.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) {
      if (h !== th) h.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  document.documentElement.className += ' js';
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    if (!table.tHead || table.tBodies.length === 0) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortBy(table, th); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sortBy(table, th);
        }
      });
    });
  });
})();
