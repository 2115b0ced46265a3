// Suggestions under the site's search box as the shopper types: words, categories and product titles from /search/suggest.
// A separate file, not inline script, so the site's Content-Security-Policy can forbid inline script.
(function () {
    'use strict';
    var input = document.getElementById('site-search');
    var list = document.getElementById('search-suggestions');
    if (!input || !list) {
        return;
    }

    var indonesian = (document.documentElement.lang || 'id').indexOf('id') === 0;
    var timer = 0;
    var latest = '';

    function item(text, href) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.textContent = text;
        a.href = href;
        li.appendChild(a);
        return li;
    }

    function show(data) {
        list.replaceChildren();
        data.queries.forEach(function (q) { list.appendChild(item(q, '/Search?q=' + encodeURIComponent(q))); });
        data.categories.forEach(function (c) { list.appendChild(item(indonesian ? c.nameId : c.nameEn, '/c/' + encodeURIComponent(c.slug))); });
        data.titles.forEach(function (t) { list.appendChild(item(t.title, '/p/' + t.id)); });
        list.hidden = list.children.length === 0;
    }

    input.addEventListener('input', function () {
        clearTimeout(timer);
        var typed = input.value.trim();
        if (typed.length < 2) {
            list.hidden = true;
            return;
        }
        timer = setTimeout(function () {
            latest = typed;
            fetch('/search/suggest?q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (data) { if (data && typed === latest) { show(data); } })
                .catch(function () { list.hidden = true; });
        }, 150);
    });

    input.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') {
            list.hidden = true;
        }
    });
    document.addEventListener('click', function (e) {
        if (!list.contains(e.target) && e.target !== input) {
            list.hidden = true;
        }
    });
})();
