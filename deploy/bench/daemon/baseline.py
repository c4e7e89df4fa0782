"""The same intake job as klachtd, in plain Python (imaplib, email, sqlite3, smtplib): the
baseline the daemon benchmark compares against. Per message: fetch, store the raw bytes,
parse, skip copies, find the location, open a case with a reference, queue a rendered
acknowledgement (at most 3 per address per hour) and a notice to the location's handler
(or the quality staff), commit; then mark the messages on the
server and send the queue. One transaction per message, as klachtd does.

    python3 baseline.py DATABASE   (server from the KLACHTD_TEST_* environment)
"""
import email
import email.message
import email.policy
import email.utils
import hashlib
import imaplib
import json
import os
import smtplib
import sqlite3
import ssl
import sys
import time
import unicodedata

LOCATIONS = {"Morel": ["morel", "bso morel"], "De Boomgaard": ["boomgaard", "kdv de boomgaard"]}
HANDLERS = {"Morel": "behandelaar1@example.test", "De Boomgaard": "behandelaar2@example.test", None: "kwaliteit@example.test"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    return " " + " ".join("".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c)).split()) + " "


def main(database):
    began = time.monotonic()
    env = os.environ
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript("""
        CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, uid INTEGER UNIQUE, message_id TEXT, sha256 TEXT, bytes BLOB, status TEXT);
        CREATE TABLE IF NOT EXISTS cases (id INTEGER PRIMARY KEY, reference TEXT UNIQUE, complainant TEXT, location TEXT, subject TEXT, received TEXT);
        CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, case_id INTEGER, recipient TEXT, bytes BLOB, state TEXT, created REAL);
        CREATE INDEX IF NOT EXISTS raw_sha ON raw(sha256);
        CREATE INDEX IF NOT EXISTS raw_mid ON raw(message_id);
        CREATE INDEX IF NOT EXISTS outbox_rcpt ON outbox(recipient, created);
    """)
    context = ssl.create_default_context(cafile=env["KLACHTD_TEST_CA_FILE"])
    imap = imaplib.IMAP4("127.0.0.1", int(env["KLACHTD_TEST_IMAP_PORT"]))
    imap.starttls(context)
    imap.login("klachten@example.test", env.get("KLACHTD_TEST_PASSWORD", "secret"))
    imap.select("INBOX")
    _, data = imap.uid("SEARCH", None, "ALL")
    uids = data[0].split()
    number = 0
    for start in range(0, len(uids), 200):
        chunk = b",".join(uids[start:start + 200])
        _, fetched = imap.uid("FETCH", chunk, "(UID INTERNALDATE BODY.PEEK[])")
        done = []
        for item in fetched:
            if not isinstance(item, tuple):
                continue
            uid = int(item[0].split(b"UID ")[1].split()[0])
            raw = item[1]
            digest = hashlib.sha256(raw).hexdigest()
            with db:
                db.execute("INSERT OR IGNORE INTO raw (uid, sha256, bytes, status) VALUES (?, ?, ?, 'pending')", (uid, digest, raw))
                message = email.message_from_bytes(raw, policy=email.policy.default)
                message_id = (message["Message-ID"] or "").strip("<> ")
                copy = db.execute("SELECT 1 FROM raw WHERE uid != ? AND (sha256 = ? OR message_id = ?) AND status = 'processed'",
                                  (uid, digest, message_id)).fetchone()
                db.execute("UPDATE raw SET message_id = ?, status = 'processed' WHERE uid = ?", (message_id, uid))
                if copy:
                    continue
                body = message.get_body(preferencelist=("plain", "html"))
                text = body.get_content() if body else ""
                subject = str(message["Subject"] or "")
                sender = email.utils.parseaddr(str(message["From"] or ""))[1].lower()
                folded = fold(subject + " " + text)
                location = next((name for name, aliases in LOCATIONS.items()
                                 if any(fold(a) in folded for a in [name] + aliases)), None)
                number += 1
                reference = "KL-2026-%04d" % number
                cursor = db.execute("INSERT INTO cases (reference, complainant, location, subject, received) VALUES (?, ?, ?, ?, ?)",
                                    (reference, sender, location, subject, item[0].decode(errors="replace")))
                recent = db.execute("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND created > ?", (sender, time.time() - 3600)).fetchone()[0]
                if sender and recent < 3:
                    reply = email.message.EmailMessage()
                    reply["From"] = "Kinderopvang De Vlinder <klachten@example.test>"
                    reply["To"] = sender
                    reply["Subject"] = f"Ontvangstbevestiging van uw klacht [{reference}]"
                    reply["Message-ID"] = email.utils.make_msgid(domain="example.test")
                    reply["In-Reply-To"] = f"<{message_id}>"
                    reply["Auto-Submitted"] = "auto-replied"
                    reply.set_content(f"Geachte ouder,\n\nUw klacht is geregistreerd onder kenmerk {reference}.\n", cte="quoted-printable")
                    db.execute("INSERT INTO outbox (case_id, recipient, bytes, state, created) VALUES (?, ?, ?, 'queued', ?)",
                               (cursor.lastrowid, sender, reply.as_bytes(), time.time()))
                notice = email.message.EmailMessage()
                notice["From"] = "Kinderopvang De Vlinder <klachten@example.test>"
                notice["To"] = HANDLERS[location]
                notice["Reply-To"] = f"klachten+{reference}@example.test"
                notice["Subject"] = f"Nieuwe klacht voor u in behandeling [{reference}]"
                notice["Message-ID"] = email.utils.make_msgid(domain="example.test")
                notice["Auto-Submitted"] = "auto-generated"
                notice.set_content(f"Kenmerk {reference}\nLocatie {location or '(onbekend)'}\n\n{text}", cte="quoted-printable")
                db.execute("INSERT INTO outbox (case_id, recipient, bytes, state, created) VALUES (?, ?, ?, 'queued', ?)",
                           (cursor.lastrowid, HANDLERS[location], notice.as_bytes(), time.time()))
            done.append(str(uid).encode())
        if done:
            imap.uid("STORE", b",".join(done), "+FLAGS.SILENT", "(\\Seen $BaselineProcessed)")
    imap.logout()
    intake = time.monotonic() - began
    smtp = smtplib.SMTP("127.0.0.1", int(env["KLACHTD_TEST_SMTP_PORT"]))
    for row_id, recipient, raw in db.execute("SELECT id, recipient, bytes FROM outbox WHERE state = 'queued'").fetchall():
        smtp.sendmail("klachten@example.test", [recipient], raw)
        with db:
            db.execute("UPDATE outbox SET state = 'sent' WHERE id = ?", (row_id,))
    smtp.quit()
    print(json.dumps({"cases": number, "intake_s": intake, "total_s": time.monotonic() - began}))


if __name__ == "__main__":
    main(sys.argv[1])
