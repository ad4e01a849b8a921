/*
 * The composer's live counter. It counts exactly as the server does (PostText.java): line breaks as \n, Unicode
 * NFC, trimmed, then Unicode code points, so an emoji or an accented letter counts as one character.
 */
(function () {
    "use strict";

    function length(text) {
        return Array.from(text.replace(/\r\n?/g, "\n").normalize("NFC").trim()).length;
    }

    function say(area, key, amount) {
        var suffix = amount === 1 ? "One" : "Many";
        return area.dataset[key + suffix].replace("{0}", String(amount));
    }

    function update(area) {
        var counter = document.getElementById(area.dataset.counter);
        if (!counter) {
            return;
        }
        var limit = parseInt(area.dataset.limit, 10);
        var used = length(area.value);
        var over = used > limit;
        counter.textContent = over ? say(area, "over", used - limit) : say(area, "left", limit - used);
        counter.classList.toggle("counter-over", over);
        counter.classList.toggle("counter-near", !over && limit - used <= 20);
        area.setAttribute("aria-invalid", over ? "true" : "false");
    }

    function updateAll() {
        document.querySelectorAll("textarea[data-limit]").forEach(update);
    }

    document.addEventListener("input", function (event) {
        if (event.target.matches && event.target.matches("textarea[data-limit]")) {
            update(event.target);
        }
    });
    // Ctrl+Enter (or Cmd+Enter) posts, as in most chat and social tools.
    document.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.matches("textarea[data-limit]")) {
            var button = event.target.form && event.target.form.querySelector("button[type=submit], button");
            if (button) {
                event.preventDefault();
                button.click();
            }
        }
    });
    if (window.jQuery) {
        window.jQuery(document).on("pfAjaxComplete", updateAll);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", updateAll);
    } else {
        updateAll();
    }
})();
