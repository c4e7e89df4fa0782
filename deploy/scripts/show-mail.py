"""Prints a message of a `doveadm fetch ... text` dump as a person reads it: the
headers that matter and the decoded text. Used by demo.sh only."""
import email
import email.policy
import sys

dump = sys.stdin.read()
for raw in [dump] if dump.strip() else []:
    raw = raw.removeprefix("text:\n").rstrip("\f\n")
    message = email.message_from_string(raw, policy=email.policy.default)
    for name in ("From", "To", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "Auto-Submitted"):
        if message[name]:
            print(f"    {name}: {message[name]}")
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body else ""
    print()
    for line in text.rstrip().splitlines():
        print(f"    | {line}")
    print("    " + "-" * 72)
