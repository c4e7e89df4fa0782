#!/usr/bin/env python3
"""The plain reference for the parse benchmark (issue 22): what most Python mail code does,
and no more. email.message_from_bytes (the default compat32 policy), walk every part,
decode each leaf's transfer encoding, and decode text parts to str with their charset.
Prints one short JSON line per file, so the benchmark can count them.

Usage: plain.py FILE... | plain.py --from-list LIST   (LIST: one path per line)
"""
import email
import json
import sys


def parse(path):
    with open(path, "rb") as f:
        message = email.message_from_bytes(f.read())
    parts = texts = size = 0
    for part in message.walk():
        if part.is_multipart():
            continue
        parts += 1
        payload = part.get_payload(decode=True) or b""
        size += len(payload)
        if part.get_content_maintype() == "text":
            payload.decode(part.get_content_charset() or "us-ascii", errors="replace")
            texts += 1
    return {"file": path, "subject": str(message.get("subject", "")), "parts": parts, "texts": texts, "bytes": size}


def main(arguments):
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
