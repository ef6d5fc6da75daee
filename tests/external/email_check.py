"""Reads an email message (and checks its HTML) as a mail client and an
HTML5 parser would; prints what it found as JSON for tests/external/check.py.

Usage: email_check.py MESSAGE.eml
Needs: html5lib (pip install html5lib).
"""
import email
import json
import sys
from email import policy
from html.parser import HTMLParser

import html5lib


class Text(HTMLParser):
    """The text a reader sees, and what a reader's client would run."""

    def __init__(self):
        super().__init__()
        self.parts, self.scripts, self.handlers, self.skip = [], 0, [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self.skip += 1
            self.scripts += tag == "script"
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]
        if tag in ("p", "br", "li", "h1", "h2", "h3", "div", "figcaption"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def read(path):
    """What a mail client finds in the message at `path`; the attached PDF
    is written beside it as `path + ".pdf"`."""
    message = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
    parts = []
    text = html = None
    for part in message.walk():
        if part.is_multipart():
            parts.append({"type": part.get_content_type()})
            continue
        payload = part.get_payload(decode=True)
        parts.append({
            "type": part.get_content_type(),
            "disposition": part.get_content_disposition(),
            "filename": part.get_filename(),
            "cid": part.get("Content-ID"),
            "size": len(payload),
        })
        if part.get_content_type() == "text/plain":
            text = part.get_content()
        elif part.get_content_type() == "text/html":
            html = part.get_content()
        elif part.get_content_type() == "application/pdf":
            open(path + ".pdf", "wb").write(payload)
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    errors = [str(e) for e in parser.errors]
    reader = Text()
    reader.feed(html)
    return {
        "from": str(message["From"]),
        "to": str(message["To"]),
        "subject": str(message["Subject"]),
        "parts": parts,
        "text": text,
        "html_text": "".join(reader.parts),
        "html_errors": errors,
        "scripts": reader.scripts,
        "handlers": reader.handlers,
    }


def main():
    print(json.dumps(read(sys.argv[1])))


if __name__ == "__main__":
    main()
