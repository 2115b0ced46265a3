// Counts down to a payment deadline: <span data-countdown-to="ISO instant">server-rendered remaining time</span>.
(function () {
    "use strict";
    function pad(n) { return String(n).padStart(2, "0"); }
    document.querySelectorAll("[data-countdown-to]").forEach(function (el) {
        var end = Date.parse(el.getAttribute("data-countdown-to"));
        if (isNaN(end)) { return; }
        var timer;
        function tick() {
            var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
            el.textContent = pad(Math.floor(left / 3600)) + ":" + pad(Math.floor(left / 60) % 60) + ":" + pad(left % 60);
            if (left === 0 && timer) { clearInterval(timer); }
        }
        tick();
        timer = setInterval(tick, 1000);
    });
})();
