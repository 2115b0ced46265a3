// Copy buttons stay hidden without script: the number itself selects whole on a tap (user-select: all) to copy by hand.
document.querySelectorAll('[data-copy-from]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy-from'));
    if (!source || !navigator.clipboard) {
        return;
    }

    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
            button.textContent = button.getAttribute('data-copied');
            setTimeout(function () { button.textContent = label; }, 2000);
        });
    });
});
