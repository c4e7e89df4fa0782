#!/usr/bin/env python3
"""Reference for the parse benchmark: what `klachtd parse --json` does, done with Python's
standard `email` package (policy=default). Prints one JSON object per file, same keys and
order as MailParser's jsonObject(file:), so outputs and timings can be compared line by line.

Usage: compare.py FILE... | compare.py --from-list LIST   (LIST: one path per line)
"""
import email
import hashlib
import html
import html.parser
import json
import re
import sys
from email import policy

MSGID = re.compile(r"<([^<>]+)>")
STATUS = re.compile(r"(?<![\d.])([45]\.\d{1,3}\.\d{1,3})(?![\d.])")
AUTO_SUBJECTS = ("automatisch antwoord", "afwezig:", "out of office", "auto:", "autoreply", "auto-reply",
                 "automatic reply")
DAEMONS = ("mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply")
QUOTE_HEADER = re.compile(
    r"^\s*(-----\s*(original message|oorspronkelijk bericht)\s*-----|_{20,}|"
    r"(op|on) .*(schreef|geschreven|wrote).*:\s*$|(van|from):\s.*)", re.IGNORECASE)
SIGNATURE = re.compile(r"^(-- ?|(verzonden vanaf mijn|verstuurd vanaf mijn|sent from my) .*)$", re.IGNORECASE)


class HTMLToText(html.parser.HTMLParser):
    BLOCK = {"p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "hr"}
    DROP = {"script", "style", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.dropping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.DROP:
            self.dropping += 1
        elif tag == "br" or tag in self.BLOCK:
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n- ")

    def handle_endtag(self, tag):
        if tag in self.DROP and self.dropping:
            self.dropping -= 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(re.sub(r"\s+", " ", data))

    def text(self):
        lines = [line.strip() for line in "".join(self.out).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup):
    parser = HTMLToText()
    parser.feed(markup)
    parser.close()
    return parser.text()


def is_stub(text):
    stripped = text.strip()
    return not stripped or (len(stripped) < 300 and any(
        marker in stripped.lower() for marker in ("html", "mime format", "view this", "email client")))


def reply_text(text):
    kept = []
    for line in text.split("\n"):
        if QUOTE_HEADER.match(line) or SIGNATURE.match(line):
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return "\n".join(kept).strip()


def addresses(msg, name):
    result = []
    for header in msg.get_all(name, []):
        try:
            for address in header.addresses:
                result.append({"name": address.display_name or None, "address": address.addr_spec})
        except Exception:
            pass
    return result


def part_content(part):
    try:
        return part.get_content()
    except Exception:
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace")


def leaf_bytes(part):
    if part.get_content_type() in ("message/rfc822", "message/global"):
        inner = part.get_payload()
        return inner[0].as_bytes() if isinstance(inner, list) and inner else b""
    return part.get_payload(decode=True) or b""


def automatic(msg):
    value = str(msg.get("auto-submitted", "")).strip().lower()
    if value and value != "no":
        return True
    if msg.get("x-autoreply") or msg.get("x-autorespond") or msg.get("list-id") or msg.get("list-unsubscribe"):
        return True
    if str(msg.get("precedence", "")).strip().lower() in ("bulk", "junk", "list", "auto_reply"):
        return True
    if str(msg.get("subject", "")).lower().startswith(AUTO_SUBJECTS):
        return True
    if str(msg.get("return-path", "")).strip() == "<>" or msg.get_content_type() == "multipart/report":
        return True
    return any(a["address"].split("@")[0].lower() in DAEMONS for a in addresses(msg, "from"))


def bounce(msg):
    if msg.get_content_type() != "multipart/report":
        return None
    recipients, original = [], None
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            for group in part.get_payload()[1:] if isinstance(part.get_payload(), list) else []:
                final = str(group.get("final-recipient") or group.get("original-recipient") or "")
                status = STATUS.search(str(group.get("status", "")))
                diagnostic = str(group.get("diagnostic-code", "")).split(";", 1)[-1].strip() or None
                recipients.append({"address": final.split(";", 1)[-1].strip().strip("<>"),
                                   "action": str(group.get("action", "")).strip().lower() or None,
                                   "status": status.group(1) if status else None, "diagnostic": diagnostic})
        elif ctype in ("message/rfc822", "text/rfc822-headers") and original is None:
            inner = part.get_payload()
            headers = inner[0] if isinstance(inner, list) and inner else email.message_from_string(
                part_content(part), policy=policy.default)
            found = MSGID.search(str(headers.get("message-id", "")))
            original = found.group(1) if found else None
    return {"recipients": recipients, "original_message_id": original}


def parse(path):
    with open(path, "rb") as handle:
        msg = email.message_from_binary_file(handle, policy=policy.default)
    plain = msg.get_body(preferencelist=("plain",))
    rich = msg.get_body(preferencelist=("html",))
    text, source = None, None
    plain_text = part_content(plain).replace("\r\n", "\n") if plain is not None else None
    html_text = html_to_text(part_content(rich)) if rich is not None else None
    if plain_text is not None and (not is_stub(plain_text) or not html_text) and plain_text.strip():
        text, source = plain_text, "plain"
    elif html_text:
        text, source = html_text, "html"
    attachments, defects = [], [type(d).__name__ for d in msg.defects]
    body_parts = {id(plain), id(rich)}
    stack = [msg]
    while stack:
        part = stack.pop(0)
        defects += [type(d).__name__ for d in part.defects] if part is not msg else []
        ctype = part.get_content_type()
        is_message = ctype in ("message/rfc822", "message/global")
        if part.is_multipart() and not is_message:
            stack = list(part.iter_parts()) + stack
            continue
        if id(part) in body_parts or not (is_message or part.get_filename() or part.is_attachment()):
            continue
        data = leaf_bytes(part)
        attachments.append({"filename": part.get_filename(), "content_type": ctype, "size": len(data),
                            "sha256": hashlib.sha256(data).hexdigest()})
    date = msg.get("date")
    try:
        epoch = int(date.datetime.timestamp()) if date is not None and date.datetime is not None else None
    except Exception:
        epoch = None
    message_ids = lambda name: MSGID.findall(" ".join(str(v) for v in msg.get_all(name, [])))
    report = bounce(msg)
    return {
        "file": path, "ok": True,
        "message_id": (message_ids("message-id") or [None])[0],
        "subject": str(msg["subject"]).strip() if msg["subject"] is not None else None,
        "date_epoch": epoch,
        "from": addresses(msg, "from"), "to": addresses(msg, "to"), "cc": addresses(msg, "cc"),
        "reply_to": addresses(msg, "reply-to"),
        "in_reply_to": message_ids("in-reply-to"), "references": message_ids("references"),
        "text": text, "text_source": source, "reply_text": reply_text(text) if text is not None else None,
        "attachments": attachments, "auto_submitted": automatic(msg) or report is not None,
        "bounce": report, "defects": defects,
    }


def main(arguments):
    if arguments[:1] == ["--from-list"]:
        with open(arguments[1], encoding="utf-8") as listing:
            arguments = [line.rstrip("\n") for line in listing if line.strip()]
    for path in arguments:
        try:
            result = parse(path)
        except Exception as error:  # keep going, as the Swift parser does; report the failure
            result = {"file": path, "ok": False, "error": f"{type(error).__name__}: {error}"}
        line = json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n"
        # Undecodable header bytes surface as lone surrogates; keep the output valid UTF-8.
        sys.stdout.buffer.write(line.encode("utf-8", "replace"))


if __name__ == "__main__":
    main(sys.argv[1:])
