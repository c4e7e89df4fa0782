#!/usr/bin/env python3
"""Checks the HTML part of klachtd's mails: valid enough for every mail client, safe, self-contained.

Usage: check-mail-html.py FILE...   (an .eml/.html file; for an .eml every text/html part is checked)
Exit 0 when every file passes; otherwise one line per problem and exit 1.

Built on Python's html.parser (no network, nothing to install): a document with a doctype,
<html lang>, <head> with <meta charset> and <title>, and <body>; every non-void element
closed in order; only elements and attributes from the list below (no <script>, <style>,
<img>, <link>, <iframe>, <form>, no event handlers, no remote or data URLs); inline styles
without flex, grid, position or url(). Tables for layout, bgcolor for colour: what
Outlook's Word engine renders.
"""
import email
import email.policy
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr", "source"}
ALLOWED = {"html", "head", "meta", "title", "body", "table", "tbody", "thead", "tr", "td", "th", "p", "span", "b", "strong",
           "i", "em", "br", "hr", "pre", "a", "h1", "h2", "h3", "ul", "ol", "li", "div"}
ATTRIBUTES = {"lang", "charset", "name", "content", "style", "role", "width", "height", "cellpadding", "cellspacing", "border",
              "bordercolor", "bgcolor", "align", "valign", "colspan", "rowspan", "href", "dir"}
FORBIDDEN_CSS = ("display:flex", "display:grid", "display: flex", "display: grid", "position:", "url(", "expression(", "@import")


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.seen, self.doctype = [], [], set(), False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        self.seen.add(tag)
        if tag not in ALLOWED:
            self.problems.append(f"line {line}: element <{tag}> is not allowed in a mail")
        for name, value in attrs:
            value = value or ""
            if name not in ATTRIBUTES:
                self.problems.append(f"line {line}: attribute {name} on <{tag}> is not allowed")
            if name == "href" and not value.startswith("mailto:"):
                self.problems.append(f"line {line}: link {value!r}: only mailto: links, no remote content")
            if name == "style" and any(bad in value.lower() for bad in FORBIDDEN_CSS):
                self.problems.append(f"line {line}: style {value!r} uses CSS Outlook does not render or loads remote content")
        if tag == "html" and not dict(attrs).get("lang"):
            self.problems.append(f"line {line}: <html> has no lang")
        if tag not in VOID:
            self.stack.append((tag, line))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        line = self.getpos()[0]
        if tag in VOID:
            return
        if not self.stack:
            self.problems.append(f"line {line}: </{tag}> closes nothing")
            return
        open_tag, opened = self.stack.pop()
        if open_tag != tag:
            self.problems.append(f"line {line}: </{tag}> closes <{open_tag}> of line {opened}")

    def finish(self):
        self.close()
        for tag, line in self.stack:
            self.problems.append(f"line {line}: <{tag}> is never closed")
        if not self.doctype:
            self.problems.append("no <!DOCTYPE html>")
        for needed in ("html", "head", "meta", "title", "body", "table"):
            if needed not in self.seen:
                self.problems.append(f"no <{needed}>")
        return self.problems


def html_parts(path):
    data = open(path, "rb").read()
    if path.endswith(".html") or path.endswith(".htm"):
        return [data.decode("utf-8")]
    message = email.message_from_bytes(data, policy=email.policy.default)
    return [part.get_content() for part in message.walk() if part.get_content_type() == "text/html"
            and part.get_content_disposition() != "attachment"]


def main(paths):
    failed = False
    for path in paths:
        parts = html_parts(path)
        if not parts:
            print(f"{path}: no text/html part")
            failed = True
        for part in parts:
            checker = Checker()
            checker.feed(part)
            for problem in checker.finish():
                print(f"{path}: {problem}")
                failed = True
    if not failed:
        print(f"{len(paths)} file(s): HTML valid")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
