/*
 * Keyboard shortcuts for the frequent actions (the help page lists them): n new post, j / k next / previous post,
 * r reply to the selected post, / search, ? help. Single keys without Ctrl, Alt or Cmd only, so that screen
 * readers' and browsers' own keys are left alone; nothing happens while typing in a field; the help page turns
 * them off for this browser (localStorage "babillard.shortcuts" = "off").
 */
(function () {
    "use strict";

    var STORE = "babillard.shortcuts";

    function enabled() {
        try {
            return window.localStorage.getItem(STORE) !== "off";
        } catch (e) {
            return true;
        }
    }

    function base() {
        var login = document.body.getAttribute("data-login") || "/login.xhtml";
        return login.substring(0, login.lastIndexOf("/") + 1);
    }

    function typing(target) {
        if (!target || target === document.body) {
            return false;
        }
        var tag = target.tagName;
        return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable
            || (target.closest && target.closest("[contenteditable=''], [contenteditable='true'], [role='textbox']") !== null);
    }

    function posts() {
        return Array.prototype.slice.call(document.querySelectorAll("article.post[data-post-id]"))
            .filter(function (p) { return p.offsetParent !== null; });
    }

    var selected = null;

    function current() {
        var active = document.activeElement;
        var inPost = active && active.closest ? active.closest("article.post[data-post-id]") : null;
        if (inPost) {
            return inPost;
        }
        return selected && document.body.contains(selected) ? selected : null;
    }

    function select(post) {
        if (!post) {
            return;
        }
        selected = post;
        post.focus({preventScroll: true});
        post.scrollIntoView({block: "center", behavior: "auto"});
    }

    function move(step) {
        var list = posts();
        if (list.length === 0) {
            return;
        }
        var at = list.indexOf(current());
        var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
        select(list[next]);
    }

    function focusField(id) {
        var field = document.getElementById(id);
        if (field) {
            field.focus();
            return true;
        }
        return false;
    }

    function reply() {
        var post = current();
        if (!post) {
            return;
        }
        // On a conversation page its reply box answers the thread; elsewhere the post's page opens at its reply box.
        if (focusField("reply:text")) {
            return;
        }
        window.location.href = base() + "post.xhtml?id=" + encodeURIComponent(post.getAttribute("data-post-id")) + "#write-reply";
    }

    function compose() {
        if (!focusField("composer:text")) {
            window.location.href = base() + "#write-post";
        }
    }

    document.addEventListener("keydown", function (event) {
        if (!enabled() || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) {
            return;
        }
        // Shift only for "?", which needs it on most keyboards.
        if (event.shiftKey && event.key !== "?") {
            return;
        }
        var done = true;
        switch (event.key) {
            case "n": compose(); break;
            case "j": move(1); break;
            case "k": move(-1); break;
            case "r": reply(); break;
            case "/": done = focusField("top-q"); break;
            case "?": window.location.href = base() + "help.xhtml"; break;
            default: done = false;
        }
        if (done) {
            event.preventDefault();
        }
    });

    // Arriving from a shortcut on another page: the home page's composer, a conversation's reply box. The
    // fragments name no element on purpose: scrolling to a named one would take the focus away again.
    function arrived() {
        if (window.location.hash === "#write-post") {
            focusField("composer:text");
        } else if (window.location.hash === "#write-reply") {
            focusField("reply:text");
        }
        var toggle = document.getElementById("shortcuts-enabled");
        if (toggle) {
            var state = document.getElementById("shortcuts-state");
            var show = function () {
                if (state) {
                    state.textContent = toggle.checked ? state.getAttribute("data-on") : state.getAttribute("data-off");
                }
            };
            toggle.checked = enabled();
            show();
            toggle.addEventListener("change", function () {
                try {
                    window.localStorage.setItem(STORE, toggle.checked ? "on" : "off");
                } catch (e) {
                    // private browsing without storage: the shortcuts stay as they were
                }
                show();
            });
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", arrived);
    } else {
        arrived();
    }
}());
