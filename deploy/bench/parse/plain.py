#!/usr/bin/env python3
"""The plain reference for the parse benchmark (issue 22): what most Python mail code does,
and no more. email.message_from_bytes, walk every part, decode each leaf's content.
Prints one short JSON line per file, so the benchmark can count them.

Two flavours of the same few lines:
- default: `policy=email.policy.default`, the policy Python's documentation recommends for
  new code; `get_content()` decodes the transfer encoding and the charset;
- --compat32: the legacy default policy, `get_payload(decode=True)` and `bytes.decode`
  with the part's charset: the least work Python's email package can do.

Usage: plain.py [--compat32] FILE... | plain.py [--compat32] --from-list LIST   (LIST: one path per line)
"""
import email
import email.policy
import json
import sys


def parse_default(path):
    with open(path, "rb") as f:
        message = email.message_from_bytes(f.read(), policy=email.policy.default)
    parts = size = 0
    for part in message.walk():
        if part.is_multipart():
            continue
        parts += 1
        try:
            size += len(part.get_content())
        except (KeyError, LookupError, ValueError, AssertionError):   # an unknown charset or a broken part
            size += len(part.get_payload(decode=True) or b"")
    return {"file": path, "subject": str(message.get("subject", "")), "parts": parts, "size": size}


def parse_compat32(path):
    with open(path, "rb") as f:
        message = email.message_from_bytes(f.read())
    parts = size = 0
    for part in message.walk():
        if part.is_multipart():
            continue
        parts += 1
        payload = part.get_payload(decode=True) or b""
        if part.get_content_maintype() == "text":
            try:
                payload = payload.decode(part.get_content_charset() or "us-ascii", errors="replace")
            except LookupError:
                payload = payload.decode("latin-1")
        size += len(payload)
    return {"file": path, "subject": str(message.get("subject", "")), "parts": parts, "size": size}


def main(arguments):
    parse = parse_default
    if arguments[:1] == ["--compat32"]:
        parse, arguments = parse_compat32, arguments[1:]
    if arguments[:1] == ["--from-list"]:
        with open(arguments[1], encoding="utf-8") as f:
            files = [line.rstrip("\n") for line in f if line.strip()]
    else:
        files = arguments
    out = sys.stdout
    for path in files:
        try:
            out.write(json.dumps(parse(path), ensure_ascii=False) + "\n")
        except Exception as error:  # noqa: BLE001 - one line per file, whatever happens
            out.write(json.dumps({"file": path, "error": str(error)}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
