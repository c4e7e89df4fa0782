#!/usr/bin/env python3
"""Backlog memory benchmark (issue 17, finding 6): N large messages (default 200 of 10 MB,
a complaint with a photo or scan attached, as phones send them) wait in the mailbox; klachtd
(supervisor and worker) starts and takes them in. Reports the time until every message is
decided and marked, the peak resident memory (VmRSS, and RssAnon: private memory) of the
supervisor and its worker together, sampled every 50 ms, and the largest message it held.

    python3 memory.py --klachtd .build/release/klachtd [--count 200] [--megabytes 10] [--json FILE]
"""
import argparse
import base64
import json
import os
import pwd
import shutil
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "daemon"))
import bench  # noqa: E402  (the daemon benchmark's mail server, configuration and /proc helpers)


def large_complaint(n, parent, megabytes):
    """An iPhone-style complaint with one base64 attachment; the whole message is about `megabytes` MB."""
    payload = os.urandom(int(megabytes * 1_000_000 * 3 / 4))
    encoded = base64.encodebytes(payload)  # 76-character lines
    location = ["BSO Morel", "KDV De Boomgaard"][n % 2]
    head = (f"From: Ouder {n} <{parent}>\nTo: klachten@example.test\nSubject: Klacht {n} over {location}, met scan\n"
            f"Date: Mon, 16 Nov 2026 09:12:00 +0100\nMessage-ID: <large-{n}-{time.time_ns()}@ouders.example.test>\n"
            "MIME-Version: 1.0\nX-Mailer: iPhone Mail (21F90)\nContent-Type: multipart/mixed; boundary=Apple-Mail-B\n\n"
            "--Apple-Mail-B\nContent-Type: text/plain; charset=utf-8\n\n"
            f"Goedemiddag,\n\nIn de bijlage de scan van de brief over {location}. Mijn kind werd te laat opgehaald.\n\n"
            "Verstuurd vanaf mijn iPhone\n--Apple-Mail-B\nContent-Type: application/pdf; name=scan.pdf\n"
            "Content-Disposition: attachment; filename=scan.pdf\nContent-Transfer-Encoding: base64\n\n").encode()
    return head + encoded + b"--Apple-Mail-B--\n"


def fill(count, megabytes):
    bench.empty_mailboxes()
    mail = pwd.getpwnam("mail")
    new = os.path.join(bench.ENV["KLACHTD_TEST_MAILDIR"], "mail", "example.test", "klachten", "Maildir", "new")
    bench.doveadm("mailbox", "status", "-u", "klachten@example.test", "messages", "INBOX")
    os.makedirs(new, exist_ok=True)
    total = 0
    for n in range(count):
        data = large_complaint(n, bench.PARENTS[n % len(bench.PARENTS)], megabytes)
        total += len(data)
        path = os.path.join(new, f"{int(time.time())}.L{n}.bench")
        with open(path, "wb") as f:
            f.write(data)
        os.chown(path, mail.pw_uid, mail.pw_gid)
    bench.doveadm("mailbox", "status", "-u", "klachten@example.test", "messages", "INBOX")
    return total


def run(klachtd, count, megabytes, work, limit):
    stored = fill(count, megabytes)
    database = os.path.join(work, "backlog.sqlite")
    config = bench.configuration(work, database, f"max_message_bytes = {limit}" if limit else "")
    log = open(os.path.join(work, "backlog.log"), "w")
    began = time.monotonic()
    daemon = bench.start(klachtd, config, log)
    peak = (0, 0)
    intake = None
    while True:
        time.sleep(0.05)
        peak = (max(peak[0], bench.rss_kib(daemon.pid)), max(peak[1], bench.rss_kib(daemon.pid, "RssAnon")))
        if intake is None and os.path.exists(database):
            try:
                db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
                decided, marked = db.execute("SELECT SUM(status != 'pending'), SUM(imap_marked) FROM raw_messages").fetchone()
                db.close()
            except sqlite3.OperationalError:
                continue
            if decided == count and marked == count:
                intake = time.monotonic() - began
                break
        if time.monotonic() - began > 1200:
            bench.stop(daemon)
            raise SystemExit(f"klachtd did not finish the backlog in 1200 s; see {log.name}")
    bench.stop(daemon)
    db = sqlite3.connect(database)
    statuses = dict(db.execute("SELECT status, COUNT(*) FROM raw_messages GROUP BY status").fetchall())
    cases = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    db.close()
    return intake, peak, stored, statuses, cases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--klachtd", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--max-message-bytes", type=int, default=0, help="[limits] max_message_bytes (default: klachtd's 25 MiB)")
    parser.add_argument("--json")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="klachtd-backlog-memory.")
    print(f"== backlog memory: {args.count} messages of {args.megabytes:g} MB waiting in the mailbox")
    intake, peak, stored, statuses, cases = run(args.klachtd, args.count, args.megabytes, work, args.max_message_bytes)
    print(f"   {stored / 1e6:.0f} MB waiting; intake (fetched, stored, parsed, decided, marked) {intake:.1f} s, "
          f"{stored / 1e6 / intake:.1f} MB/s")
    print(f"   peak resident memory, supervisor and worker together: {peak[0] / 1024:.0f} MiB (private {peak[1] / 1024:.0f} MiB)")
    print(f"   raw messages: {statuses}; cases: {cases}")
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"count": args.count, "megabytes": args.megabytes, "waiting_bytes": stored, "intake_s": intake,
                       "peak_rss_mib": peak[0] / 1024, "peak_private_mib": peak[1] / 1024, "statuses": statuses, "cases": cases}, f)


if __name__ == "__main__":
    main()
