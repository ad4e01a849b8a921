"""Drives Babillard with Mastodon.py (Debian's python3-mastodon), a client nobody here wrote.

  register BASE                         -> {"client_id", "client_secret", "authorize_url"}
  scenario BASE ID SECRET CODE MARKER   -> what the client saw, as JSON, for the Java test to check

The Java test (MastodonApiIT) gets the code through Babillard's own login and consent page in Chromium.
"""
import json
import sys
import threading
import time

from mastodon import Mastodon, MastodonAPIError, MastodonNotFoundError, StreamListener

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = ["read", "write", "follow"]


def register(base):
    client_id, client_secret = Mastodon.create_app("Mastodon.py in Babillard's tests", api_base_url=base,
                                                   scopes=SCOPES, redirect_uris=OOB, website="https://example.org/")
    client = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
    url = client.auth_request_url(redirect_uris=OOB, scopes=SCOPES, state="xyz")
    return {"client_id": client_id, "client_secret": client_secret, "authorize_url": url}


def scenario(base, client_id, client_secret, code, marker):
    client = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
    token = client.log_in(code=code, redirect_uri=OOB, scopes=SCOPES)
    seen = {"token": token, "version": client.retrieve_mastodon_version()}
    me = client.account_verify_credentials()
    seen["me"] = {"id": me["id"], "acct": me["acct"], "display_name": me["display_name"]}
    first = client.status_post("Hello from Mastodon.py " + marker + " #apitest <b>bold?</b>",
                               idempotency_key="key-" + marker)
    again = client.status_post("Hello from Mastodon.py " + marker + " #apitest <b>bold?</b>",
                               idempotency_key="key-" + marker)
    seen["posted"] = {"id": str(first["id"]), "again": str(again["id"]), "content": first["content"],
                      "visibility": first["visibility"], "tags": [t["name"] for t in first["tags"]]}
    reply = client.status_post("A reply " + marker, in_reply_to_id=first["id"])
    seen["reply"] = {"in_reply_to_id": str(reply["in_reply_to_id"])}
    home = client.timeline_home(limit=40)
    seen["home"] = [str(s["id"]) for s in home]
    favourited = client.status_favourite(first["id"])
    seen["favourite"] = {"favourited": favourited["favourited"], "count": favourited["favourites_count"]}
    bookmarked = client.status_bookmark(first["id"])
    seen["bookmarked"] = bookmarked["bookmarked"]
    seen["bookmarks"] = [str(s["id"]) for s in client.bookmarks()]
    context = client.status_context(reply["id"])
    seen["context"] = {"ancestors": [str(s["id"]) for s in context["ancestors"]]}
    seen["tag"] = [str(s["id"]) for s in client.timeline_hashtag("apitest")]
    edited = client.status_update(first["id"], "Edited from Mastodon.py " + marker)
    seen["edited"] = {"content": edited["content"], "edited_at": edited["edited_at"] is not None,
                      "history": len(client.status_history(first["id"]))}
    client.list_create("Team " + marker)
    seen["lists"] = [{"id": str(l["id"]), "title": l["title"]} for l in client.lists()]
    note = client.status_post("A private note " + marker, visibility="direct")
    seen["note"] = {"id": str(note["id"]), "visibility": note["visibility"]}
    try:
        client.status_post("x" * 5001)
        seen["too_long"] = "accepted"
    except MastodonAPIError as e:
        seen["too_long"] = str(e)
    client.status_delete(reply["id"])
    try:
        client.status(reply["id"])
        seen["deleted"] = "still there"
    except MastodonNotFoundError:
        seen["deleted"] = "404"
    seen["notifications"] = [n["type"] for n in client.notifications()]
    # Search is fresh within a second (SearchIT measures it); on a loaded CI machine, give the index up to 10 s.
    for _ in range(20):
        found = client.search(marker, result_type="statuses")
        seen["search"] = [str(s["id"]) for s in found["statuses"]]
        if seen["note"]["id"] in seen["search"] and str(first["id"]) in seen["search"]:
            break
        time.sleep(0.5)
    seen["streamed"] = streamed(client, marker)
    page = client.timeline_home(limit=1)
    older = client.fetch_next(page)
    seen["paging"] = {"first": str(page[0]["id"]), "next": str(older[0]["id"]) if older else None}
    return seen


class Heard(StreamListener):
    """Remembers whether a status holding the marker arrived on the stream, and whether its deletion did."""

    def __init__(self, marker):
        super().__init__()
        self.marker = marker
        self.arrived = threading.Event()
        self.deleted_id = None
        self.gone = threading.Event()

        self.events = []

    def on_update(self, status):
        self.events.append("update")
        if self.marker in status["content"]:
            self.arrived.set()

    def on_delete(self, status_id):
        self.events.append("delete")
        if str(status_id) == self.deleted_id:
            self.gone.set()

    def on_abort(self, err):
        self.events.append("abort: " + repr(err))

    def handle_heartbeat(self):
        self.events.append("heartbeat")


def streamed(client, marker):
    heard = Heard("Streamed " + marker)
    handle = client.stream_user(heard, run_async=True, timeout=60)
    for _ in range(50):
        if handle.is_receiving():
            break
        time.sleep(0.1)
    time.sleep(1)
    posted = client.status_post("Streamed " + marker)
    arrived = heard.arrived.wait(20)
    heard.deleted_id = str(posted["id"])
    client.status_delete(posted["id"])
    gone = heard.gone.wait(20)
    receiving = handle.is_receiving()
    handle.close()
    if arrived and gone:
        return True
    return "arrived=%s deleted=%s receiving=%s events=%s" % (arrived, gone, receiving, heard.events)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "register":
        print(json.dumps(register(sys.argv[2])))
    elif command == "scenario":
        print(json.dumps(scenario(*sys.argv[2:7]), default=str))
    else:
        raise SystemExit("unknown command " + command)
