// A form sends once: its submit button shows that the request is under way and cannot be pressed again until the page
// answers. Forms that stay on the page (downloads, data-submit-repeat) get their buttons back after a moment.
(function () {
    'use strict';
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
            return;
        }

        if (form.dataset.submitting === 'true') {
            event.preventDefault();
            return;
        }

        form.dataset.submitting = 'true';
        var button = event.submitter || form.querySelector('button[type=submit], button:not([type])');
        if (button) {
            button.classList.add('is-busy');
            button.setAttribute('aria-busy', 'true');
        }

        // Disable only after the browser has read the submitter's name and value into the request.
        window.setTimeout(function () {
            form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]').forEach(function (b) {
                b.disabled = true;
            });
        }, 0);

        if (form.hasAttribute('data-submit-repeat') || form.target === '_blank') {
            window.setTimeout(function () {
                form.dataset.submitting = 'false';
                form.querySelectorAll('button, input[type=submit]').forEach(function (b) {
                    b.disabled = false;
                    b.classList.remove('is-busy');
                    b.removeAttribute('aria-busy');
                });
            }, 3000);
        }
    });

    // Back/forward cache: a page restored after leaving shows its buttons ready again.
    window.addEventListener('pageshow', function (event) {
        if (!event.persisted) {
            return;
        }

        document.querySelectorAll('form[data-submitting]').forEach(function (form) {
            form.dataset.submitting = 'false';
            form.querySelectorAll('button, input[type=submit]').forEach(function (b) {
                b.disabled = false;
                b.classList.remove('is-busy');
                b.removeAttribute('aria-busy');
            });
        });
    });
})();
