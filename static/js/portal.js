/*
 * Cluster Portal's only script, run right after the header (base.html), so nothing below it moves when it
 * runs. On small screens it folds the main navigation behind a disclosure button (aria-expanded,
 * aria-controls). Without it the button stays hidden and the navigation stays open, so nothing depends on
 * JavaScript. No inline script: a strict Content-Security-Policy holds.
 */
(function () {
    "use strict";
    var header = document.querySelector(".site-header");
    var button = header && header.querySelector(".nav-toggle");
    var nav = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!nav) {
        return;
    }

    function setOpen(open) {
        button.setAttribute("aria-expanded", String(open));
        header.setAttribute("data-nav", open ? "open" : "closed");
    }

    setOpen(false);
    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu and gives the focus back to its button.
    header.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            button.focus();
        }
    });
})();
