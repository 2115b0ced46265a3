// A field's error message goes away as soon as the person changes the field, so no message stays beside a field already
// fixed; the server checks everything again when the form is sent.
(function () {
    'use strict';
    function clear(event) {
        var field = event.target;
        if (!field || !field.name || !field.form) {
            return;
        }

        field.classList.remove('is-invalid', 'input-validation-error');
        field.removeAttribute('aria-invalid');
        field.form.querySelectorAll('[data-valmsg-for]').forEach(function (message) {
            if (message.getAttribute('data-valmsg-for') === field.name && message.textContent.trim() !== '') {
                message.textContent = '';
                message.classList.remove('field-validation-error');
                message.classList.add('field-validation-valid');
            }
        });
    }

    document.addEventListener('input', clear);
    document.addEventListener('change', clear);
})();
