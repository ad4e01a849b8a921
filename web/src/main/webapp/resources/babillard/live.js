/*
 * Live updates on Babillard's pages. The page template opens the Faces push channel "babillard" for the
 * logged-in reader (<f:websocket>); the server sends small JSON signals that never carry content:
 *   {"type":"post","id":42,"channel":7|null,"thread":40|null,"author":"camille.durand"}  a post the reader may see
 *   {"type":"bell","unread":3}                                                            the reader's unread count
 *
 * A page hooks in with one line and decides whether a signal concerns it:
 *   babillard.live.on('post', function (message) { if (message.channel === 7) { checkNewer(); } });
 * (checkNewer being, for instance, a <p:remoteCommand> that asks the server how many new posts there are and
 * renders a "N new posts" button.) Handlers get the parsed message; one failing handler stops no other.
 * Built in: 'bell' updates the bell's count (#bell-count) in the top bar.
 *
 * Faces reconnects a dropped socket by itself; while it is closed nothing arrives and nothing breaks.
 * babillard.live.connected says whether the socket is open now.
 */
(function () {
    "use strict";

    var babillard = window.babillard = window.babillard || {};
    var handlers = {};

    function on(type, handler) {
        (handlers[type] = handlers[type] || []).push(handler);
    }

    function receive(message) {
        var parsed = message;
        if (typeof message === "string") {
            try {
                parsed = JSON.parse(message);
            } catch (e) {
                return;
            }
        }
        if (!parsed || typeof parsed.type !== "string") {
            return;
        }
        (handlers[parsed.type] || []).forEach(function (handler) {
            try {
                handler(parsed);
            } catch (e) {
                if (window.console) {
                    window.console.warn("babillard.live: a '" + parsed.type + "' handler failed", e);
                }
            }
        });
    }

    /** Shows the count on the bell: hidden at 0, "99+" above 99; the title says it in the reader's language. */
    function bell(unread) {
        var count = document.getElementById("bell-count");
        var link = document.getElementById("bell");
        if (!count || typeof unread !== "number" || unread < 0) {
            return;
        }
        count.textContent = unread > 99 ? "99+" : String(unread);
        count.hidden = unread === 0;
        if (link) {
            link.classList.toggle("bell-unread", unread > 0);
            var label = unread === 0 ? link.dataset.none : (unread === 1 ? link.dataset.one : link.dataset.many);
            var status = document.getElementById("bell-status");
            if (label) {
                link.title = label.replace("{0}", String(unread));
                if (status && status.textContent !== link.title) {
                    status.textContent = link.title;
                }
            }
        }
    }

    on("bell", function (message) {
        bell(message.unread);
    });

    var live = babillard.live = {on: on, receive: receive, bell: bell, connected: false};
    /** Called by the socket's onopen and onclose: whether signals can arrive now (Faces reconnects by itself). */
    live.opened = function () {
        live.connected = true;
    };
    live.closed = function () {
        live.connected = false;
    };
})();
