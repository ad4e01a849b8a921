"""Reads an Atom feed with feedparser (Debian's python3-feedparser), as a feed reader would.

  feed_reader.py URL [ETAG]   -> {"status", "bozo", "bozo_exception", "etag", "content_type", "version", "title",
                                  "links", "updated", "entries": [{"id", "title", "link", "content", "published",
                                  "updated", "author"}]}

With ETAG, the request is conditional (If-None-Match), as feed readers poll.
"""
import json
import sys

import feedparser


def read(url, etag=None):
    feed = feedparser.parse(url, etag=etag)
    entries = []
    for e in feed.entries:
        entries.append({"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                        "content": e.content[0].value if e.get("content") else None,
                        "content_type": e.content[0].type if e.get("content") else None,
                        "published": e.get("published"), "updated": e.get("updated"), "author": e.get("author")})
    headers = feed.get("headers", {})
    return {"status": feed.get("status"), "bozo": int(feed.get("bozo", 0)),
            "bozo_exception": str(feed.get("bozo_exception", "")), "etag": feed.get("etag"),
            "content_type": headers.get("content-type"), "version": feed.get("version"),
            "title": feed.feed.get("title"), "updated": feed.feed.get("updated"),
            "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in feed.feed.get("links", [])],
            "entries": entries}


if __name__ == "__main__":
    print(json.dumps(read(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
