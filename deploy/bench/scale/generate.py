#!/usr/bin/env python3
"""Fills a klachtd database (already created by klachtd, so at the newest schema) with years
of a large chain's cases, straight through SQLite: fast, and with the rows klachtd itself
writes. Realistic in shape: raw messages (Outlook, iPhone and Gmail complaints, 1 in 8 with a
photo or PDF attachment of 100-400 KB), parents' follow-ups and handlers' replies, the mails
klachtd sent (acknowledgement, handler notice, judgement letter, closing letter), events,
scheduled keys, measures, satisfaction answers, report notes and website-form fields.

Steady state of a daemon with the default retention (24 months, purged daily): cases closed
longer ago than that are purged (no personal data, no raw bytes), except `--purge-due`
(default 50) closed just past the term, which the next purge takes. 2 % of the cases are
open, received in the last 40 days.

    generate.py DATABASE --cases 100000 --locations 900 [--years 10] [--purge-due 50]
"""
import argparse
import base64
import hashlib
import random
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone

KINDS = [("KDV", "kinderdagverblijf"), ("BSO", "buitenschoolse opvang"), ("POV", "peuteropvang"),
         ("IKC", "kindcentrum"), ("NSO", "naschoolse opvang")]
NAMES = ["De Zonnebloem", "Het Palet", "De Regenboog", "Klein Duimpje", "De Boefjes", "Ukkie",
         "De Kikkerpoel", "Het Vlindertje", "De Speelark", "Pinkeltje"]
TOWNS = ["Zwolle", "Deventer", "Apeldoorn", "Amersfoort", "Utrecht", "Nijmegen", "Arnhem", "Ede", "Zeist",
         "Hilversum", "Almere", "Lelystad", "Kampen", "Harderwijk", "Veenendaal", "Houten", "Culemborg", "Tiel"]
CATEGORIES = ["veiligheid", "hygiëne", "communicatie", "personeel", "kosten", "planning", "voeding", "overig"]
OUTCOMES = ["gegrond", "deels gegrond", "ongegrond"]
SUBJECTS = ["Klacht over het ophalen", "Ontevreden over de communicatie", "Klacht: te laat gebeld", "Wondje niet gemeld",
            "Factuur klopt niet", "Klacht over de groepsleiding", "Verkeerde fles gegeven", "Deur stond open"]
BODIES = [
    "Goedemiddag,\n\nGisteren heb ik mijn dochter om 17.45 uur opgehaald bij {loc}. Ze had een schaafwond op haar knie\n"
    "en niemand had mij gebeld. De pedagogisch medewerker wist niet eens hoe het was gebeurd. Ik vind dit echt\n"
    "niet kunnen en wil hier graag een officiële klacht over indienen.\n\nMet vriendelijke groet,\n{name}\n",
    "Beste klachtencommissie,\n\nAl drie weken krijgen we geen reactie op onze vragen over de nieuwe planning bij {loc}.\n"
    "Onze zoon moet nu twee dagen naar een andere groep en dat is nooit met ons besproken. Graag een reactie.\n\n"
    "Groet,\n{name}\n\nVerstuurd vanaf mijn iPhone\n",
    "Hallo,\n\nBij het ophalen stond de buitendeur van {loc} wagenwijd open en er was niemand op de gang.\n"
    "Mijn kind van twee had zo naar buiten kunnen lopen. Ik verwacht dat hier iets aan gedaan wordt.\n\n{name}\n",
]


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def location_name(index):
    kind = KINDS[index % len(KINDS)][0]
    return f"{kind} {NAMES[(index // len(KINDS)) % len(NAMES)]} {TOWNS[index // (len(KINDS) * len(NAMES)) % len(TOWNS)]}"


def attachment_pool(rng):
    """A handful of photos and PDFs, base64 as mail clients send them (76-column lines)."""
    pool = []
    for n in range(12):
        raw = rng.randbytes(rng.randint(75_000, 300_000))
        encoded = base64.encodebytes(raw).replace(b"\n", b"\r\n")
        kind, name = (("image/jpeg", f"IMG_{4000 + n}.jpeg") if n % 3 else ("application/pdf", f"factuur-{n}.pdf"))
        pool.append((kind, name, encoded))
    return pool


def complaint_bytes(rng, pool, message_id, name, address, subject, body, at, attach):
    date = at.strftime("%a, %d %b %Y %H:%M:%S +0000")
    client = rng.choice(["Microsoft Outlook 16.0", "iPhone Mail (20E252)", "Gmail"])
    head = (f"Return-Path: <{address}>\r\nReceived: from mail.ouders.example.nl by mx.example.test; {date}\r\n"
            f"From: {name} <{address}>\r\nTo: klachten@example.test\r\nSubject: {subject}\r\nDate: {date}\r\n"
            f"Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\nX-Mailer: {client}\r\n")
    text = body.replace("\n", "\r\n").encode("utf-8")
    if not attach:
        return (head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode() + text
    kind, filename, encoded = rng.choice(pool)
    return ((head + 'Content-Type: multipart/mixed; boundary="----=_Part_1"\r\n\r\n------=_Part_1\r\n'
             "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode() + text
            + (f"\r\n------=_Part_1\r\nContent-Type: {kind}; name=\"{filename}\"\r\nContent-Disposition: attachment; "
               f"filename=\"{filename}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").encode() + encoded + b"------=_Part_1--\r\n")


def outgoing_bytes(message_id, recipient, subject, reference, text):
    return (f"From: Kinderopvang De Vlinder <klachten@example.test>\r\nTo: {recipient}\r\nSubject: {subject} [{reference}]\r\n"
            f"Message-ID: <{message_id}>\r\nAuto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode() + (text * 6).encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--locations", type=int, default=900)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--purge-due", type=int, default=50)
    parser.add_argument("--retention-months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = attachment_pool(rng)
    began = time.monotonic()
    now = datetime.now(timezone.utc).replace(microsecond=0)
    cutoff = now - timedelta(days=args.retention_months * 30.5)
    db = sqlite3.connect(args.database)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]:
        sys.exit("generate.py: the database already has cases")
    columns = {row[1] for row in db.execute("PRAGMA table_info(raw_messages)")}
    separate_bytes = "bytes" not in columns

    open_count = max(1, args.cases * 2 // 100)
    span = timedelta(days=365 * args.years)
    counters = {}
    rows = {name: [] for name in ["cases", "raw", "bytes", "cm", "events", "outbox", "keys", "measures", "sat", "notes", "forms"]}
    raw_id = outbox_id = 0
    total_bytes = 0
    due_left = args.purge_due

    def flush():
        db.executemany("""INSERT INTO cases (id, reference, state, kind, regime, received_at, complainant_name, complainant_address,
            complainant_message_id, location, handler, subject, category, outcome, flags, acknowledgement_due, first_contact_due,
            decision_due, gck_window_end, measures_due, closed_at, created_at, updated_at, purged_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows["cases"])
        if separate_bytes:
            db.executemany("""INSERT INTO raw_messages (id, source, mailbox, uid_validity, uid, message_id, sha256, size, received_at,
                stored_at, status, case_id, imap_marked) VALUES (?, 'imap', 'INBOX', 1, ?, ?, ?, ?, ?, ?, 'processed', ?, 1)""", rows["raw"])
            db.executemany("INSERT INTO raw_message_bytes (raw_message_id, bytes) VALUES (?, ?)", rows["bytes"])
        else:
            blobs = dict(rows["bytes"])
            db.executemany("""INSERT INTO raw_messages (id, source, mailbox, uid_validity, uid, message_id, sha256, size, received_at,
                stored_at, status, case_id, imap_marked, bytes) VALUES (?, 'imap', 'INBOX', 1, ?, ?, ?, ?, ?, ?, 'processed', ?, 1, ?)""",
                           [r + (blobs.get(r[0]),) for r in rows["raw"]])
        db.executemany("""INSERT INTO case_messages (case_id, direction, role, raw_message_id, outbox_id, message_id, subject, text, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows["cm"])
        db.executemany("INSERT INTO events (case_id, at, actor, action, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", rows["events"])
        db.executemany("""INSERT INTO outbox (id, case_id, kind, message_id, mail_from, recipients, subject, bytes, state, attempts,
            next_attempt_at, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sent', 1, ?, ?, ?)""", rows["outbox"])
        db.executemany("INSERT OR IGNORE INTO scheduled_sent (case_id, key, at) VALUES (?, ?, ?)", rows["keys"])
        db.executemany("INSERT INTO measures (case_id, position, text, due, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?)", rows["measures"])
        db.executemany("INSERT INTO satisfaction (case_id, asked_at, answered_at, answer, text) VALUES (?, ?, ?, ?, ?)", rows["sat"])
        db.executemany("INSERT INTO case_report_notes (case_id, annual_summary, measures, updated_at) VALUES (?, ?, ?, ?)", rows["notes"])
        db.executemany("INSERT INTO form_fields (case_id, position, label, value) VALUES (?, ?, ?, ?)", rows["forms"])
        for value in rows.values():
            value.clear()

    # Oldest first, so ids grow with time as in a real database.
    moments = sorted(now - span + timedelta(seconds=rng.random() * (span.total_seconds() - 41 * 86400)) for _ in range(args.cases - open_count))
    moments += sorted(now - timedelta(seconds=rng.random() * 40 * 86400) for _ in range(open_count))
    for index, received in enumerate(moments, start=1):
        is_open = index > args.cases - open_count
        year = received.year
        counters[year] = counters.get(year, 0) + 1
        reference = f"KL-{year}-{counters[year]:04d}"
        location = rng.randrange(args.locations)
        loc = location_name(location)
        handler = f"behandelaar{1 + location % 3}@example.test"
        parent_n = rng.randrange(1, 100_000)
        name, address = f"Ouder {parent_n}", f"ouder{parent_n}@ouders.example.nl"
        subject = rng.choice(SUBJECTS)
        kind = "klacht" if rng.random() < 0.85 else rng.choice(["onvrede", "vraag", "verbeterpunt", "compliment"])
        regime = "wkkgz" if location % 7 == 3 else "wko"
        if is_open:
            state = rng.choice(["received", "acknowledged", "assigned", "assigned", "judgement_sent", "measures_pending"])
            closed = None
        else:
            state = "closed" if rng.random() < 0.9 else rng.choice(["withdrawn", "not_a_complaint"])
            closed = received + timedelta(days=rng.randint(10, 60))
            if closed > now - timedelta(days=1):
                closed = now - timedelta(days=1)
        past_term = closed is not None and closed < cutoff
        due_now = past_term and due_left > 0 and closed > cutoff - timedelta(days=60 if args.cases >= 20_000 else 3650) and rng.random() < 0.5
        if due_now:
            due_left -= 1
        purged = past_term and not due_now
        decision_due = (received + timedelta(weeks=6)).strftime("%Y-%m-%d")
        ack_due = (received + timedelta(days=5)).strftime("%Y-%m-%d")
        outcome = rng.choice(OUTCOMES) if state in ("closed", "judgement_sent", "measures_pending") else None
        category = rng.choice(CATEGORIES)
        first_msg = f"{index}.{rng.randrange(1 << 30)}@ouders.example.nl"
        rows["cases"].append((index, reference, state, kind, regime, iso(received), None if purged else name,
                              None if purged else address, None if purged else first_msg, loc, None if purged else handler,
                              None if purged else subject, category, outcome, "", ack_due, ack_due, decision_due,
                              (received + timedelta(days=365)).strftime("%Y-%m-%d"), None, iso(closed) if closed else None,
                              iso(received), iso(closed or received), iso(cutoff + timedelta(days=1)) if purged else None))
        # Incoming: the complaint, sometimes a follow-up, the handler's replies.
        incoming = [("complainant", received, True)]
        if rng.random() < 0.5:
            incoming.append(("complainant", received + timedelta(days=rng.randint(1, 9)), False))
        for n in range(rng.choice([1, 1, 2])):
            incoming.append(("handler", received + timedelta(days=rng.randint(1, 20), hours=n), False))
        for role, at, first in incoming:
            raw_id += 1
            message_id = first_msg if first else f"{raw_id}.{rng.randrange(1 << 30)}@{'ouders.example.nl' if role == 'complainant' else 'example.test'}"
            body = rng.choice(BODIES).format(loc=loc, name=name) if role == "complainant" else \
                "Beste collega,\n\nIk heb de ouder gebeld en een afspraak gemaakt.\n\nGroet,\nLocatiemanager\n"
            data = complaint_bytes(rng, pool, message_id, name if role == "complainant" else "Locatiemanager",
                                   address if role == "complainant" else handler, subject if first else "Re: " + subject,
                                   body, at, first and rng.random() < 0.125)
            sha = hashlib.sha256(data).hexdigest()
            rows["raw"].append((raw_id, raw_id, None if purged else message_id, sha, len(data), iso(at), iso(at), index))
            if not purged:
                rows["bytes"].append((raw_id, data))
                total_bytes += len(data)
                rows["cm"].append((index, "in", role, raw_id, None, message_id, subject, body[:400], iso(at)))
        # Outgoing: what klachtd sent.
        kinds = ["acknowledgement", "handler-assignment"] + (["judgement-letter", "closing-letter"] if outcome else [])
        for n, out_kind in enumerate(kinds):
            outbox_id += 1
            at = received + timedelta(minutes=1, days=n * 12)
            recipient = handler if out_kind == "handler-assignment" else address
            message_id = f"{outbox_id}.{rng.randrange(1 << 30)}@klachtd.example.test"
            data = b"" if purged else outgoing_bytes(message_id, recipient, subject, reference,
                                                     f"Geachte {name},\n\nWij hebben uw bericht over {loc} ontvangen.\n\n")
            rows["outbox"].append((outbox_id, index, out_kind, message_id, "" if purged else "klachten@example.test",
                                   "" if purged else recipient, "" if purged else subject, data, iso(at), iso(at), iso(at)))
            if not purged:
                rows["cm"].append((index, "out", "handler" if out_kind == "handler-assignment" else "complainant", None, outbox_id,
                                   message_id, subject, None, iso(at)))
        # Events and keys.
        actor = "[verwijderd]" if purged else handler
        steps = [("case created", None, "received"), ("acknowledged", "received", "acknowledged"), ("assigned", "acknowledged", "assigned")]
        if outcome:
            steps.append(("judgement", "assigned", "judgement_sent"))
        if closed:
            steps.append(("closed", steps[-1][2], state))
        for n, (action, from_state, to_state) in enumerate(steps):
            rows["events"].append((index, iso(received + timedelta(days=n * 8)), "klachtd" if n < 2 else actor, action, from_state, to_state,
                                   None if purged or n < 2 else "afgehandeld"))
        for key in ["reminder:acknowledgement", "reminder:week-2", "reminder:week-4"][: 1 + index % 3]:
            rows["keys"].append((index, key, iso(received + timedelta(days=3))))
        if outcome and rng.random() < 0.5:
            rows["measures"].append((index, 1, "Afspraken over het overdrachtsmoment vastgelegd", (received + timedelta(weeks=10)).strftime("%Y-%m-%d"),
                                     iso(closed) if closed else None, iso(received + timedelta(days=30))))
        if outcome and rng.random() < 0.6:
            rows["sat"].append((index, iso(received + timedelta(days=40)), iso(received + timedelta(days=42)),
                                rng.choice(["satisfied", "satisfied", "not_satisfied"]), None if purged else "ja, dank u"))
        if outcome and rng.random() < 0.3:
            rows["notes"].append((index, "De overdracht bij het ophalen is verbeterd.", "Werkafspraak overdracht", iso(received + timedelta(days=30))))
        if not purged and rng.random() < 0.3:
            for position, (label, value) in enumerate([("Naam", name), ("E-mail", address), ("Locatie", loc), ("Onderwerp", subject)]):
                rows["forms"].append((index, position, label, value))
        if index % 5000 == 0:
            flush()
    flush()
    for year, number in counters.items():
        db.execute("INSERT OR REPLACE INTO reference_counters (year, last_number) VALUES (?, ?)", (year, number))
    db.commit()
    db.close()
    print(f"generated {args.cases} cases ({open_count} open, {args.purge_due - due_left} due for purging), {raw_id} raw messages "
          f"({total_bytes / 1e6:.0f} MB of raw bytes kept), {outbox_id} sent mails in {time.monotonic() - began:.1f} s (schema {version})")


if __name__ == "__main__":
    main()
