/*
 * @mention suggestions for any textarea with the class "mention-input" (also those an AJAX update adds later).
 * The page template loads this script for logged-in readers: a composer only needs the class.
 * Typing "@ca" lists up to eight colleagues from /api/mentions (people only, never posts); arrows move, Enter or
 * Tab inserts "@login ", Escape closes, a click chooses. The list is an ARIA listbox tied to the textarea.
 * The textarea may name the address in data-mentions-url; otherwise <context>/api/mentions, where <context> is
 * taken from the page's own address of this script.
 */
(function () {
    "use strict";

    var TOKEN = /(^|[^\p{L}\p{N}_.@\/-])@([A-Za-z0-9][A-Za-z0-9._-]{0,62})$/u;
    var script = document.currentScript;
    var defaultUrl = script && script.src.indexOf("/jakarta.faces.resource/") > 0
        ? script.src.substring(0, script.src.indexOf("/jakarta.faces.resource/")) + "/api/mentions" : "api/mentions";
    var state = null; // {area, list, items, active, start, end, seq}
    var sequence = 0;
    var timer = null;

    function url(area) {
        return area.dataset.mentionsUrl || defaultUrl;
    }

    function token(area) {
        var caret = area.selectionStart;
        if (caret !== area.selectionEnd) {
            return null;
        }
        var match = TOKEN.exec(area.value.substring(0, caret));
        return match ? {query: match[2], start: caret - match[2].length - 1, end: caret} : null;
    }

    function listFor(area) {
        var id = (area.id || "composer") + "-mentions";
        var list = document.getElementById(id);
        if (!list) {
            list = document.createElement("ul");
            list.id = id;
            list.className = "mention-list";
            list.setAttribute("role", "listbox");
            list.hidden = true;
            area.insertAdjacentElement("afterend", list);
            area.setAttribute("aria-controls", id);
            area.setAttribute("aria-autocomplete", "list");
            area.setAttribute("aria-expanded", "false");
            list.addEventListener("mousedown", function (event) {
                var option = event.target.closest("[role=option]");
                if (option && state) {
                    event.preventDefault();
                    choose(parseInt(option.dataset.index, 10));
                }
            });
        }
        return list;
    }

    function close() {
        if (!state) {
            return;
        }
        state.list.hidden = true;
        state.list.textContent = "";
        state.area.setAttribute("aria-expanded", "false");
        state.area.removeAttribute("aria-activedescendant");
        state = null;
    }

    function highlight(index) {
        var options = state.list.querySelectorAll("[role=option]");
        state.active = (index + options.length) % options.length;
        options.forEach(function (option, i) {
            var on = i === state.active;
            option.setAttribute("aria-selected", on ? "true" : "false");
            option.classList.toggle("mention-active", on);
            if (on) {
                state.area.setAttribute("aria-activedescendant", option.id);
                option.scrollIntoView({block: "nearest"});
            }
        });
    }

    function show(area, found, people) {
        var list = listFor(area);
        if (state && state.area !== area) {
            close();
        }
        if (!people.length) {
            close();
            return;
        }
        list.textContent = "";
        people.forEach(function (person, i) {
            var option = document.createElement("li");
            option.id = list.id + "-" + i;
            option.setAttribute("role", "option");
            option.dataset.index = String(i);
            var name = document.createElement("span");
            name.className = "mention-name";
            name.textContent = person.name;
            var login = document.createElement("span");
            login.className = "mention-login";
            login.textContent = "@" + person.username;
            option.appendChild(name);
            option.appendChild(login);
            list.appendChild(option);
        });
        list.hidden = false;
        area.setAttribute("aria-expanded", "true");
        state = {area: area, list: list, items: people, active: 0, start: found.start, end: found.end};
        highlight(0);
    }

    function choose(index) {
        var area = state.area;
        var person = state.items[index];
        var insert = "@" + person.username + " ";
        var before = area.value.substring(0, state.start);
        var after = area.value.substring(state.end);
        area.value = before + insert + after.replace(/^ /, "");
        var caret = before.length + insert.length;
        close();
        area.focus();
        area.setSelectionRange(caret, caret);
        area.dispatchEvent(new Event("input", {bubbles: true}));
    }

    function suggest(area) {
        var found = token(area);
        if (!found) {
            close();
            return;
        }
        var mine = ++sequence;
        clearTimeout(timer);
        timer = setTimeout(function () {
            fetch(url(area) + "?q=" + encodeURIComponent(found.query), {credentials: "same-origin", headers: {"Accept": "application/json"}})
                .then(function (response) {
                    return response.ok ? response.json() : [];
                })
                .then(function (people) {
                    // Only the answer to the latest keystroke counts, and only if the caret is still after that "@".
                    var now = token(area);
                    if (mine === sequence && document.activeElement === area && now && now.start === found.start) {
                        show(area, now, Array.isArray(people) ? people : []);
                    }
                })
                .catch(close);
        }, 150);
    }

    document.addEventListener("input", function (event) {
        if (event.target.classList && event.target.classList.contains("mention-input")) {
            suggest(event.target);
        }
    });

    // Capture phase: when the list is open, Enter chooses a colleague before any other key handler posts the form.
    document.addEventListener("keydown", function (event) {
        if (!state || event.target !== state.area) {
            return;
        }
        switch (event.key) {
            case "ArrowDown":
                highlight(state.active + 1);
                break;
            case "ArrowUp":
                highlight(state.active - 1);
                break;
            case "Enter":
            case "Tab":
                if (event.ctrlKey || event.metaKey) {
                    close();
                    return;
                }
                choose(state.active);
                break;
            case "Escape":
                close();
                break;
            default:
                return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
    }, true);

    document.addEventListener("focusout", function (event) {
        if (state && event.target === state.area) {
            setTimeout(function () {
                if (state && document.activeElement !== state.area) {
                    close();
                }
            }, 150);
        }
    });
    document.addEventListener("click", function (event) {
        if (state && event.target !== state.area && !state.list.contains(event.target)) {
            close();
        }
    });
})();
