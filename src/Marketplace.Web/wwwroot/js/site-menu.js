// The header's links fold into a menu button on phones. Loaded right after the header, before the page paints, so the
// links never flash open; without JavaScript they simply stay listed.
(function () {
    'use strict';
    var header = document.querySelector('.site-header');
    var toggle = header && header.querySelector('.menu-toggle');
    var menu = document.getElementById('site-menu');
    if (!toggle || !menu) {
        return;
    }

    header.classList.add('menu-ready');
    toggle.hidden = false;

    function setOpen(open) {
        header.classList.toggle('menu-open', open);
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }

    toggle.addEventListener('click', function () {
        setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
            setOpen(false);
            toggle.focus();
        }
    });

    // A section menu (seller, admin) that scrolls sideways on phones shows its current page.
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.section-nav').forEach(function (nav) {
            var current = nav.querySelector('[aria-current="page"]');
            if (current && nav.scrollWidth > nav.clientWidth) {
                nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
            }
        });
    });
})();
