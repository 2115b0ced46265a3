// Opening a shop: the shop link (pasarumkm.id/s/...) follows the shop's name until the seller types one of their own, and
// the province is picked from Indonesia's list for a shop in Indonesia, typed for a shop abroad.
(function () {
    'use strict';
    var name = document.querySelector('[data-shop-name]');
    var slug = document.querySelector('[data-shop-slug]');
    if (name && slug) {
        var follows = slug.value.trim() === '';
        var toSlug = function (text) {
            return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
                .replace(/&/g, ' dan ').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
        };
        name.addEventListener('input', function () {
            if (follows) {
                slug.value = toSlug(name.value);
            }
        });
        slug.addEventListener('input', function () {
            follows = slug.value.trim() === '';
        });
    }

    var country = document.querySelector('[data-shop-country]');
    var list = document.querySelector('[data-province="list"]');
    var text = document.querySelector('[data-province="text"]');
    var label = document.querySelector('[data-province-label]');
    if (country && list && text && label) {
        country.addEventListener('change', function () {
            var indonesia = country.value === 'ID';
            list.hidden = list.disabled = !indonesia;
            text.hidden = text.disabled = indonesia;
            label.htmlFor = indonesia ? list.id : text.id;
        });
    }
})();
