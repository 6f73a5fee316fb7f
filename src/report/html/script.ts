// The page's one script: filter and sort the detail tables in the browser, no server, no library.
// Tables marked data-table="name" are driven by the controls whose data-for="name"; a row's data-* values
// ("|a|b|", one or more) are what the selects match, and a cell's data-value (else its text) is what sorting compares.
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  function rowsOf(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }
  function apply(name) {
    var table = document.querySelector('table[data-table="' + name + '"]');
    if (!table) return;
    var controls = document.querySelectorAll('[data-for="' + name + '"]');
    var text = '';
    var wanted = [];
    Array.prototype.forEach.call(controls, function (c) {
      if (c.dataset.match === 'text') text = c.value.trim().toLowerCase();
      else if (c.dataset.match && c.value) wanted.push([c.dataset.match, c.value]);
    });
    var shown = 0;
    var rows = rowsOf(table);
    rows.forEach(function (row) {
      var ok = wanted.every(function (w) { return (row.dataset[w[0]] || '').indexOf('|' + w[1] + '|') >= 0; });
      if (ok && text) ok = row.textContent.toLowerCase().indexOf(text) >= 0;
      row.hidden = !ok;
      if (ok) shown++;
    });
    var out = document.querySelector('output[data-count="' + name + '"]');
    if (out) out.textContent = shown === rows.length ? rows.length + ' shown' : shown + ' of ' + rows.length + ' shown';
  }
  function sortBy(th) {
    var table = th.closest('table');
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.dataset.sort === 'number';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var key = function (row) {
      var cell = row.cells[index];
      var v = cell ? (cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent) : '';
      return numeric ? Number(v) || 0 : v.toLowerCase();
    };
    var rows = rowsOf(table);
    rows.sort(function (a, b) { var x = key(a), y = key(b); return x < y ? -dir : x > y ? dir : 0; });
    var body = table.tBodies[0];
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.addEventListener('input', function (e) { var n = e.target.dataset && e.target.dataset.for; if (n) apply(n); });
  document.addEventListener('change', function (e) { var n = e.target.dataset && e.target.dataset.for; if (n) apply(n); });
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('th[data-sort] button');
    if (button) sortBy(button.parentNode);
  });
  Array.prototype.forEach.call(document.querySelectorAll('table[data-table]'), function (t) { apply(t.dataset.table); });
})();
`;
