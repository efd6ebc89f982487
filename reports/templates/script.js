// SPDX-License-Identifier: MIT
// Filter and sort for the findings tables; without JavaScript every table is simply complete.
(function () {
  'use strict';
  var root = document.documentElement;
  var language = root.getAttribute('lang') || undefined;
  var collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  var numbers = new Intl.NumberFormat(language);

  function cellKey(cell) {
    var value = cell.getAttribute('data-sort-value');
    return value !== null ? Number(value) : (cell.textContent || '').trim();
  }

  function compare(a, b) {
    return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, column) {
      function sort() {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var keyed = Array.prototype.map.call(body.rows, function (row) {
          return { row: row, key: cellKey(row.cells[column]) };
        });
        keyed.sort(function (x, y) { return ascending ? compare(x.key, y.key) : compare(y.key, x.key); });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      }
      header.classList.add('sortable');
      header.tabIndex = 0;
      header.addEventListener('click', sort);
      header.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sort();
        }
      });
    });
  }

  function setUpFilter(table) {
    var controls = document.getElementById('findings-controls');
    var input = document.getElementById('findings-filter');
    var classSelect = document.getElementById('findings-class');
    var consentSelect = document.getElementById('findings-consent');
    var counter = document.getElementById('findings-count');
    if (!controls || !input || !classSelect || !consentSelect || !counter) {
      return;
    }
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return {
        row: row,
        text: (row.textContent || '').toLocaleLowerCase(),
        consent: ' ' + (row.getAttribute('data-consent') || '') + ' '
      };
    });
    function apply() {
      var needle = input.value.trim().toLocaleLowerCase();
      var wantedClass = classSelect.value;
      var wantedConsent = consentSelect.value;
      var shown = 0;
      rows.forEach(function (item) {
        var visible = (!needle || item.text.indexOf(needle) !== -1) &&
          (!wantedClass || item.row.getAttribute('data-class') === wantedClass) &&
          (!wantedConsent || item.consent.indexOf(' ' + wantedConsent + ' ') !== -1);
        item.row.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      counter.textContent = counter.getAttribute('data-template')
        .replace('{shown}', numbers.format(shown))
        .replace('{total}', numbers.format(rows.length));
    }
    input.addEventListener('input', apply);
    classSelect.addEventListener('change', apply);
    consentSelect.addEventListener('change', apply);
    controls.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.findings'), makeSortable);
  var main = document.getElementById('findings-table');
  if (main) {
    setUpFilter(main);
  }
  // Marks that the report's own script ran (the end-to-end test looks for it).
  root.setAttribute('data-report-script', 'ready');
}());
