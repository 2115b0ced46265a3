// Tables marked .table-cards turn into one card per row on phones (site.css); each cell is labelled with its column's heading.
(function () {
    'use strict';
    document.querySelectorAll('table.table-cards').forEach(function (table) {
        var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
            return th.textContent.trim();
        });
        table.querySelectorAll('tbody tr').forEach(function (row) {
            Array.prototype.forEach.call(row.children, function (cell, index) {
                if (!cell.hasAttribute('data-label') && headings[index]) {
                    cell.setAttribute('data-label', headings[index]);
                }
            });
        });
    });
})();
