/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html). */
/*
 * Pagination of the controlled forms (custcare_base.controlled_layout).
 *
 * Debian's wkhtmltopdf (unpatched Qt) repeats no table header, splits rows
 * across pages and prints no running header. Once the page is loaded, this
 * script lays each form (.cc-doc) out into pages of the height the layout
 * computed for the paper (data-page-height, in CSS pixels): every page starts
 * with the form's head (title, code, number; "continued" on the next pages),
 * a table cut between pages repeats its header row (thead) with the same
 * column widths, a row never straddles two pages (only a row taller than a
 * whole page continues on the next one, between two lines of its longest
 * cell), a section title stays with what follows, and the signature block is
 * kept whole. Units are measured where they are placed.
 *
 * Plain ES5: wkhtmltopdf runs an old QtWebKit.
 */
(function () {
    "use strict";
    if (window.custcareForms) {
        return;
    }
    window.custcareForms = true;

    function children(node) {
        var list = [];
        for (var child = node.firstChild; child; child = child.nextSibling) {
            if (child.nodeType === 1) {
                list.push(child);
            }
        }
        return list;
    }

    function has(node, name) {
        return (" " + (node.className || "") + " ").indexOf(" " + name + " ") !== -1;
    }

    function span(row) {
        var total = 0;
        for (var i = 0; i !== row.cells.length; i++) {
            total += row.cells[i].colSpan;
        }
        return total;
    }

    /* The columns keep on every page the widths they have in the whole table. */
    function freeze(table) {
        var rows = table.rows;
        var count = 0;
        var reference = null;
        var i;
        for (i = 0; i !== rows.length; i++) {
            count = Math.max(count, span(rows[i]));
        }
        for (i = 0; i !== rows.length; i++) {
            if (rows[i].cells.length === count) {
                reference = rows[i];
                break;
            }
        }
        if (!reference) {
            return;
        }
        var group = document.createElement("colgroup");
        for (i = 0; i !== reference.cells.length; i++) {
            var col = document.createElement("col");
            col.style.width = reference.cells[i].offsetWidth + "px";
            group.appendChild(col);
        }
        var width = table.offsetWidth;
        children(table).forEach(function (part) {
            if (part.tagName === "COLGROUP") {
                table.removeChild(part);
            }
        });
        table.insertBefore(group, table.firstChild);
        table.style.tableLayout = "fixed";
        table.style.width = width + "px";
    }

    /* An empty copy of a table, with its columns and header row. */
    function shell(table) {
        var copy = table.cloneNode(false);
        children(table).forEach(function (part) {
            if (part.tagName === "COLGROUP" || part.tagName === "THEAD") {
                copy.appendChild(part.cloneNode(true));
            }
        });
        copy.appendChild(document.createElement("tbody"));
        copy.custcareSource = table;
        return copy;
    }

    function paginate(doc) {
        var limit = parseFloat(doc.getAttribute("data-page-height"));
        var rowMark = doc.getAttribute("data-row-continued") || "";
        var mark = doc.getAttribute("data-mark");
        var head = null;
        var body = null;
        var sign = null;
        children(doc).forEach(function (node) {
            if (has(node, "cc-head")) {
                head = node;
            } else if (has(node, "cc-body")) {
                body = node;
            } else if (has(node, "cc-sign")) {
                sign = node;
            }
        });
        if (!head || !body || !limit) {
            return;
        }
        var units = [];
        children(body).forEach(function (node) {
            if (node.tagName === "TABLE" && !has(node, "cc-whole")) {
                freeze(node);
                var sections = [];
                for (var b = 0; b !== node.tBodies.length; b++) {
                    sections.push(node.tBodies[b]);
                }
                if (node.tFoot) {
                    sections.push(node.tFoot); // totals: after the last row
                }
                sections.forEach(function (section) {
                    var rows = section.rows;
                    for (var r = 0; r !== rows.length; r++) {
                        if (section === node.tFoot) {
                            rows[r].className += " cc-foot";
                        }
                        units.push({row: rows[r], table: node});
                    }
                });
            } else {
                units.push({node: node, keep: has(node, "cc-keep")});
            }
        });
        if (sign) {
            units.push({node: sign, sign: true});
        }

        // rows keep their height on every page (frozen columns): measured
        // once here, so that most rows are placed without a new layout
        units.forEach(function (unit) {
            if (unit.row) {
                unit.height = unit.row.getBoundingClientRect().height;
            }
        });

        var pages = [];
        var page = null;
        var placed = [];
        var height = -1; // the page's height when known, -1 after a change

        function open() {
            page = document.createElement("div");
            page.className = "cc-page";
            if (mark) {
                var watermark = document.createElement("div");
                watermark.className = "cc-watermark";
                watermark.style.top = Math.round(limit * 0.38) + "px";
                watermark.appendChild(document.createTextNode(mark));
                page.appendChild(watermark);
            }
            var top = head;
            if (pages.length) {
                top = head.cloneNode(true);
                top.className += " cc-continued";
                children(top).forEach(function (node) {
                    if (has(node, "cc-marker")) {
                        top.removeChild(node);
                    }
                });
            }
            page.appendChild(top);
            doc.insertBefore(page, body);
            pages.push(page);
            placed = [];
        }

        function put(unit) {
            height = -1;
            if (unit.row) {
                var last = page.lastChild;
                if (!last || last.custcareSource !== unit.table) {
                    last = shell(unit.table);
                    page.appendChild(last);
                }
                last.tBodies[0].appendChild(unit.row);
            } else {
                page.appendChild(unit.node);
            }
            placed.push(unit);
        }

        function take(unit) {
            height = -1;
            placed.pop();
            if (unit.row) {
                var rows = unit.row.parentNode;
                rows.removeChild(unit.row);
                if (!rows.rows.length) {
                    page.removeChild(rows.parentNode);
                }
            } else {
                page.removeChild(unit.node);
            }
        }

        function fits() {
            height = page.getBoundingClientRect().height;
            return limit >= height;
        }

        /* A row taller than a page: the lines of its longest cell that do
           not fit go to a continuation row (label cells repeated and marked),
           placed as the next unit. False if the row has no lines to share. */
        function split(unit, index) {
            var row = unit.row;
            put(unit);
            // the cell with the most text holds the lines (all cells of a
            // row are as tall as the row)
            var target = null;
            var longest = -1;
            var j;
            for (j = 0; j !== row.cells.length; j++) {
                var length = (row.cells[j].textContent || "").length;
                if (length > longest) {
                    longest = length;
                    target = row.cells[j];
                }
            }
            var chain = [target];
            var box = target;
            while (children(box).length === 1) {
                box = children(box)[0];
                chain.push(box);
            }
            if (2 > children(box).length) {
                take(unit);
                return false;
            }
            var rest = row.cloneNode(false);
            var restBox = null;
            for (j = 0; j !== row.cells.length; j++) {
                var cell = row.cells[j];
                var copy = cell.cloneNode(false);
                if (cell === target) {
                    var inner = copy;
                    for (var k = 1; k !== chain.length; k++) {
                        var level = chain[k].cloneNode(false);
                        inner.appendChild(level);
                        inner = level;
                    }
                    restBox = inner;
                } else if (cell.tagName === "TH" || has(cell, "h")) {
                    copy.innerHTML = cell.innerHTML;
                    if (!cell.getAttribute("data-continued")) {
                        copy.appendChild(document.createTextNode(rowMark));
                        copy.setAttribute("data-continued", "1");
                    }
                }
                rest.appendChild(copy);
            }
            var lines = children(box);
            while (!fits() && lines.length) {
                restBox.insertBefore(lines.pop(), restBox.firstChild);
            }
            if (!lines.length) {
                // not one line fits here: the row starts on the next page
                children(restBox).forEach(function (line) {
                    box.appendChild(line);
                });
                take(unit);
                if (!placed.length) {
                    put(unit); // not even on an empty page: it runs over
                    return true;
                }
                open();
                return split(unit, index);
            }
            if (children(restBox).length) {
                units.splice(index + 1, 0, {row: rest, table: unit.table});
            }
            return true;
        }

        open();
        var room = limit - head.offsetHeight;
        for (var i = 0; i !== units.length; i++) {
            var unit = units[i];
            var known = height;
            var tail = page.lastChild;
            if (unit.row && unit.height && known >= 0 && tail && tail.custcareSource === unit.table && limit >= known + unit.height + 12) {
                // the next row of the table on this page, well inside it: it
                // adds its height (near the foot, rows are measured in place)
                put(unit);
                height = known + unit.height;
                continue;
            }
            put(unit);
            if (fits()) {
                continue;
            }
            // taller than a whole page: it continues on the next one from here
            if (unit.row && unit.row.offsetHeight > room) {
                take(unit);
                if (split(unit, i)) {
                    continue;
                }
                put(unit);
                continue;
            }
            take(unit);
            if (placed.length) {
                // a new page, with the section titles that introduce this unit
                var carry = [];
                while (placed.length > 1 && placed[placed.length - 1].keep) {
                    var title = placed[placed.length - 1];
                    take(title);
                    carry.unshift(title);
                }
                // the signatures never stand alone on a page: the last row
                // or block goes along
                if (unit.sign && placed.length > 1 && !carry.length) {
                    var last = placed[placed.length - 1];
                    take(last);
                    carry.unshift(last);
                }
                open();
                carry.forEach(put);
                put(unit);
                if (fits()) {
                    continue;
                }
                take(unit);
            }
            if (!(unit.row && split(unit, i))) {
                put(unit); // taller than a page and indivisible: it runs over
            }
        }
        doc.removeChild(body);
        doc.setAttribute("data-pages", pages.length);
    }

    window.addEventListener("load", function () {
        var docs = document.querySelectorAll(".cc-doc");
        var i;
        for (i = 0; i !== docs.length; i++) {
            try {
                paginate(docs[i]);
                docs[i].style.pageBreakBefore = "auto";
            } catch (error) {
                // the form keeps flowing as wkhtmltopdf lays it out
                docs[i].setAttribute("data-error", String(error));
            }
        }
        // every page but the very first starts a sheet
        var pages = document.querySelectorAll(".cc-page");
        for (i = 0; i < pages.length; i++) {
            if (i > 0 || pages[i].parentNode !== docs[0]) {
                pages[i].style.pageBreakBefore = "always";
            }
        }
    });
})();
