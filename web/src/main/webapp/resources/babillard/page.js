/*
 * What every page of Babillard needs once it is loaded, without any script written inside the pages (the
 * Content-Security-Policy allows only Babillard's own files and the scripts PrimeFaces marks with the page's nonce):
 *
 * - live signals (live.js) wired to the <p:remoteCommand>s a page declares, the page telling what it shows with
 *   data attributes: data-live-home (the home streams), data-live-channel="7" (a channel's threads),
 *   data-live-thread="40" (a live thread); the top bar's unread badge and the must-read banner everywhere;
 * - a file chosen in a composer that is over the limit is said at once (the server checks again);
 * - a session that ended while the page was open: the next action lands on the login page, which says why,
 *   instead of a page that no longer answers;
 * - a post's buttons (reactions, bookmark, its "⋯" menu; PostButtons.java) are plain submit buttons: a click is sent
 *   as the PrimeFaces AJAX request a command button would send, executing the post's buttons and redrawing its form;
 * - on a phone: the top bar's menu button opens and closes the menu (aria-expanded, Escape closes it), and the
 *   round "new post" button takes the reader to the page's composer (or home's) and puts the cursor in it.
 */
(function () {
    "use strict";

    function call(name) {
        if (typeof window[name] === "function") {
            window[name]();
        }
    }

    function number(element, attribute) {
        var value = element ? element.getAttribute(attribute) : null;
        return value === null || value === "" ? null : Number(value);
    }

    function wireLiveSignals() {
        if (!window.babillard || !window.babillard.live) {
            return;
        }
        var live = window.babillard.live;
        var home = document.querySelector("[data-live-home]");
        var channel = document.querySelector("[data-live-channel]");
        var thread = document.querySelector("[data-live-thread]");
        live.on("post", function (m) {
            // A post in one of the reader's channels: the unread badge beside "Channels" counts it at once.
            if (m.channel !== null) {
                call("babillardChannelsUnread");
            }
            // The server sends this reader only posts their pages may show: on the home page any may be news.
            if (home) {
                call("babillardCheckNewer");
            }
            // A new thread in the channel shown.
            if (channel && m.thread === null && m.channel === number(channel, "data-live-channel")) {
                call("babillardChannelNewer");
            }
        });
        // A must-read announcement for the reader: its banner appears at once.
        live.on("announcement", function (m) {
            if (m.mustRead) {
                call("babillardMustRead");
            }
        });
        // A reply in the live thread shown: read the thread again (the server decides what the reader sees).
        live.on("thread-live", function (m) {
            if (thread && m.thread === number(thread, "data-live-thread")) {
                call("babillardThreadRefresh");
            }
        });
    }

    function checkFileSizes() {
        document.addEventListener("change", function (e) {
            var input = e.target;
            if (!input.classList || !input.classList.contains("attach-file") || !input.files) {
                return;
            }
            var max = Number(input.getAttribute("data-max-bytes"));
            var big = input.files.length > 0 && input.files[0].size > max;
            input.setCustomValidity(big ? input.getAttribute("data-too-large") : "");
            if (big) {
                input.reportValidity();
            }
        });
    }

    function endedSessions() {
        var login = document.body ? document.body.getAttribute("data-login") : null;
        if (!login || !window.XMLHttpRequest) {
            return;
        }
        // A background request without a valid session is sent to the login page (302), which the browser follows:
        // the answer is then the login page, not what the page asked for. Whoever sent it (PrimeFaces, Faces, a
        // live update), go to the login page for real, saying why.
        var open = window.XMLHttpRequest.prototype.open;
        window.XMLHttpRequest.prototype.open = function () {
            this.addEventListener("load", function () {
                var url = this.responseURL;
                if (url && url.indexOf("/login.xhtml") >= 0 && window.location.pathname.indexOf("/login.xhtml") < 0) {
                    window.location.href = login + "?expired=true";
                }
            });
            return open.apply(this, arguments);
        };
    }

    function menu() {
        var toggle = document.getElementById("menu-toggle");
        var bar = document.getElementById("topbar");
        if (!toggle || !bar) {
            return;
        }
        function open(yes) {
            bar.classList.toggle("menu-open", yes);
            toggle.setAttribute("aria-expanded", yes ? "true" : "false");
        }
        toggle.addEventListener("click", function () {
            open(toggle.getAttribute("aria-expanded") !== "true");
        });
        document.addEventListener("keydown", function (e) {
            if (e.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                open(false);
                toggle.focus();
            }
        });
    }

    /** The page's composer: the first message box that is shown (home's, a channel's, a reply's). */
    function composer() {
        var boxes = document.querySelectorAll("textarea.composer-text");
        for (var i = 0; i < boxes.length; i++) {
            if (boxes[i].offsetParent !== null) {
                return boxes[i];
            }
        }
        return null;
    }

    function focusComposer(box) {
        box.scrollIntoView({block: "center"});
        box.focus();
    }

    function composeButton() {
        var fab = document.getElementById("compose-fab");
        if (fab) {
            fab.addEventListener("click", function (e) {
                var box = composer();
                if (box) {
                    e.preventDefault();
                    focusComposer(box);
                }
            });
        }
        if (window.location.hash === "#composer") {
            var box = composer();
            if (box) {
                focusComposer(box);
                // again once everything is loaded: the browser's own jump to #composer comes after this script
                window.addEventListener("load", function () {
                    focusComposer(box);
                });
            }
        }
    }

    function postButtons() {
        document.addEventListener("click", function (e) {
            var button = e.target.closest ? e.target.closest("button[data-post-action]") : null;
            if (!button || !button.form || !window.PrimeFaces || !PrimeFaces.ab) {
                return; // without PrimeFaces the button submits its form, which the server understands as well
            }
            e.preventDefault();
            if (button.getAttribute("aria-busy") === "true") {
                return; // already sent: a second click must not undo the first
            }
            button.setAttribute("aria-busy", "true");
            PrimeFaces.ab({
                source: button.id,
                process: button.getAttribute("data-post-action"),
                // a menu's action opens or closes one of the page's post dialogs (post-dialogs.xhtml)
                update: button.form.id + (button.hasAttribute("data-post-dialogs") && document.getElementById("postDialogs") ? " postDialogs" : ""),
                oncomplete: function () {
                    button.removeAttribute("aria-busy");
                }
            });
        });
    }

    function start() {
        postButtons();
        wireLiveSignals();
        checkFileSizes();
        endedSessions();
        menu();
        composeButton();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
