// Tables marked .table-cards turn into one card per row on phones (site.css); each cell is labelled with its column's heading.
(function () {
    'use strict';
    document.querySelectorAll('table.table-cards').forEach(function (table) {
        var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
            return th.textContent.trim();
        });
        table.querySelectorAll('tbody tr').forEach(function (row) {
            Array.prototype.forEach.call(row.children, function (cell, index) {
                if (cell.textContent.trim() === '' && !cell.querySelector('img, input, select, button, svg')) {
                    cell.classList.add('cell-empty');
                    return;
                }

                // A cell marked .card-head (what the row is about) heads its card across the whole width, without a label.
                if (!cell.hasAttribute('data-label') && !cell.classList.contains('card-head') && headings[index]) {
                    // The cell's content moves into one box, so the label and the content sit side by side as two columns.
                    var value = document.createElement('div');
                    value.className = 'cell-value';
                    while (cell.firstChild) {
                        value.appendChild(cell.firstChild);
                    }

                    cell.appendChild(value);
                    cell.setAttribute('data-label', headings[index]);
                }
            });
        });
    });
})();
