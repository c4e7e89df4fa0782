"""klachtd's daemon benchmark, against the private test mail server (KLACHTD_TEST_* environment):

1. latency: 50 complaints sent one by one while klachtd waits in IDLE (poll interval 600 s):
   the time from the SMTP send to the acknowledgement in the parent's mailbox; and 5 more,
   each sent when the worker had exited and only the supervisor watched (a cold start);
2. backlog: 10,000 messages waiting in the mailbox, processed by klachtd (fetched, stored,
   parsed, decided, cases and acknowledgements committed, marked on the server, replies
   sent), and the same job by baseline.py (imaplib, email, sqlite3, smtplib), in the same run;
3. memory: klachtd's resident set when idle (only the supervisor runs then) and the peak of
   supervisor and worker together during the backlog.

The configuration sets [service] worker_linger = 5 instead of the default 60, so the worker
hands over within seconds and the benchmark need not wait a minute for each idle state.

    python3 bench.py --klachtd .build/release/klachtd [--backlog 10000] [--latency 50] [--json FILE]
"""
import argparse
import email.utils
import imaplib
import json
import os
import pwd
import signal
import smtplib
import sqlite3
import ssl
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = os.environ
sys.path.insert(0, os.path.join(HERE, "..", "common"))
import benchmail  # noqa: E402
from benchmail import PARENTS, children, doveadm, empty_mailboxes, rss_kib  # noqa: E402,F401


def configuration(work, database, limits):
    return benchmail.write_configuration(os.path.join(work, "klachtd.conf"), work, database, limits)


def complaint(n, parent, message_id):
    location = ["BSO Morel", "KDV De Boomgaard", "de opvang"][n % 3]
    body = (f"Geachte heer/mevrouw,\n\nDit is klacht nummer {n} over {location}. Mijn kind werd om 18:15 te laat\n"
            "opgehaald en niemand wist waar de mentor was. Graag een reactie.\n\nMet vriendelijke groet,\nOuder\n")
    headers = (f"From: Ouder {n} <{parent}>\r\nTo: klachten@example.test\r\nSubject: Klacht {n} over {location}\r\n"
               f"Date: {email.utils.formatdate()}\r\nMessage-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n")
    if n % 2:
        return (headers + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n")).encode()
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines() if line) + "</body></html>"
    return (headers + 'Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\n'
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + body.replace("\n", "\r\n") + "\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--b--\r\n").encode()


def log_count(log, text):
    with open(log.name) as f:
        return f.read().count(text)


def wait_until_idle(daemon, log, timeout=60):
    """Waits until every worker started so far has handed over and exited: only the
    supervisor runs. (Right after the start there is no worker yet either, so the log's
    starts and hand-overs are compared, not only the children counted.)"""
    began = time.monotonic()
    while True:
        started = log_count(log, "klachtd started (worker")
        handed_over = log_count(log, "the supervisor watches the mailbox")
        if started > 0 and started == handed_over and not children(daemon.pid):
            break
        if time.monotonic() - began > timeout:
            raise SystemExit(f"the worker did not hand over within {timeout} s; see {log.name}")
        time.sleep(0.1)
    time.sleep(1)
    if children(daemon.pid):
        raise SystemExit(f"a worker started while klachtd should be idle; see {log.name}")


def start(klachtd, config, log):
    return subprocess.Popen([klachtd, "run", "--config", config], stdout=log, stderr=log)


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)


def measure_latency(klachtd, count, work):
    empty_mailboxes()
    config = configuration(work, os.path.join(work, "latency.sqlite"), "auto_replies_per_hour = 10000\nauto_replies_per_day = 100000")
    log = open(os.path.join(work, "latency.log"), "w")
    daemon = start(klachtd, config, log)
    wait_until_idle(daemon, log)
    idle_before = rss_kib(daemon.pid), rss_kib(daemon.pid, "RssAnon")
    context = ssl.create_default_context(cafile=ENV["KLACHTD_TEST_CA_FILE"])
    inboxes = {}
    for parent in PARENTS:
        imap = imaplib.IMAP4("127.0.0.1", int(ENV["KLACHTD_TEST_IMAP_PORT"]))
        imap.starttls(context)
        imap.login(parent, ENV.get("KLACHTD_TEST_PASSWORD", "secret"))
        imap.select("INBOX")
        inboxes[parent] = imap
    smtp = smtplib.SMTP("127.0.0.1", int(ENV["KLACHTD_TEST_SMTP_PORT"]))

    def acknowledged_after(n):
        parent = PARENTS[n % len(PARENTS)]
        message_id = f"latency-{n}-{time.time_ns()}@ouders.example.test"
        sent = time.monotonic()
        smtp.sendmail(parent, ["klachten@example.test"], complaint(n, parent, message_id))
        imap = inboxes[parent]
        while True:
            imap.noop()
            _, data = imap.uid("SEARCH", None, "HEADER", "In-Reply-To", message_id)
            if data[0].strip():
                return time.monotonic() - sent
            if time.monotonic() - sent > 30:
                raise SystemExit(f"no acknowledgement for complaint {n} within 30 s; see {log.name}")
            time.sleep(0.005)

    cold = []
    for n in range(5):
        wait_until_idle(daemon, log)
        cold.append(acknowledged_after(1000 + n))
    latencies = [acknowledged_after(n) for n in range(count)]
    smtp.quit()
    wait_until_idle(daemon, log)
    idle_after = rss_kib(daemon.pid), rss_kib(daemon.pid, "RssAnon")
    stop(daemon)
    # The larger of the two idle states: before any mail, and after 55 complaints.
    return latencies, cold, max(idle_before, idle_after)


def fill_backlog(count):
    empty_mailboxes()
    mail = pwd.getpwnam("mail")
    new = os.path.join(ENV["KLACHTD_TEST_MAILDIR"], "mail", "example.test", "klachten", "Maildir", "new")
    doveadm("mailbox", "status", "-u", "klachten@example.test", "messages", "INBOX")
    os.makedirs(new, exist_ok=True)
    for n in range(count):
        parent = PARENTS[n % len(PARENTS)]
        path = os.path.join(new, f"{int(time.time())}.B{n}.bench")
        with open(path, "wb") as f:
            f.write(complaint(n, parent, f"backlog-{n}-{time.time_ns()}@ouders.example.test").replace(b"\r\n", b"\n"))
        os.chown(path, mail.pw_uid, mail.pw_gid)
    # Let Dovecot index the new files before either contender starts the clock.
    doveadm("mailbox", "status", "-u", "klachten@example.test", "messages", "INBOX")


def backlog_klachtd(klachtd, count, work):
    fill_backlog(count)
    database = os.path.join(work, "backlog.sqlite")
    config = configuration(work, database, "")
    log = open(os.path.join(work, "backlog.log"), "w")
    began = time.monotonic()
    daemon = start(klachtd, config, log)
    peak = (0, 0)
    intake = None
    while True:
        time.sleep(0.05)
        peak = (max(peak[0], rss_kib(daemon.pid)), max(peak[1], rss_kib(daemon.pid, "RssAnon")))
        if not os.path.exists(database):
            continue
        try:
            db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
            decided, marked = db.execute("SELECT SUM(status != 'pending'), SUM(imap_marked) FROM raw_messages").fetchone()
            queued = db.execute("SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'sending')").fetchone()[0]
            cases = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
            db.close()
        except sqlite3.OperationalError:
            continue
        if intake is None and decided == count and marked == count:
            intake = time.monotonic() - began
        if intake is not None and queued == 0:
            elapsed = time.monotonic() - began
            break
        if time.monotonic() - began > 600:
            raise SystemExit(f"klachtd did not finish the backlog in 600 s; see {log.name}")
    stop(daemon)
    return intake, elapsed, peak, cases


def backlog_python(count, work):
    fill_backlog(count)
    database = os.path.join(work, "baseline.sqlite")
    result = subprocess.run([sys.executable, os.path.join(HERE, "baseline.py"), database], check=True, capture_output=True, text=True)
    facts = json.loads(result.stdout)
    return facts["intake_s"], facts["total_s"], facts["cases"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--klachtd", required=True)
    parser.add_argument("--backlog", type=int, default=10000)
    parser.add_argument("--latency", type=int, default=50)
    parser.add_argument("--json")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="klachtd-bench-")

    print(f"== latency: {args.latency} complaints, one at a time, klachtd waiting in IDLE (poll interval 600 s)")
    latencies, cold, idle = measure_latency(args.klachtd, args.latency, work)
    median = statistics.median(latencies)
    print(f"   delivery → acknowledgement: median {median * 1000:.0f} ms, p90 {sorted(latencies)[int(len(latencies) * 0.9) - 1] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"   cold (worker started by the supervisor's IDLE), 5 complaints: median {statistics.median(cold) * 1000:.0f} ms, max {max(cold) * 1000:.0f} ms")
    print(f"   resident memory when idle (the supervisor alone): {idle[0] / 1024:.1f} MiB (of which private {idle[1] / 1024:.1f} MiB; the rest is shared library pages)")

    print(f"== backlog: {args.backlog} messages waiting in the mailbox")
    print("   intake = fetched, stored, parsed, decided, case and mails committed, marked on the server;")
    print("   total  = intake and every queued mail (acknowledgements within the reply limit, handler notices) sent")
    k_time, k_total, k_peak, k_cases = backlog_klachtd(args.klachtd, args.backlog, work)
    print(f"   klachtd:  intake {k_time:.2f} s ({args.backlog / k_time:.0f} messages/s), total {k_total:.2f} s ({args.backlog / k_total:.0f}/s), "
          f"{k_cases} cases, peak resident memory of supervisor and worker {k_peak[0] / 1024:.1f} MiB (private {k_peak[1] / 1024:.1f} MiB)")
    p_time, p_total, p_cases = backlog_python(args.backlog, work)
    print(f"   python:   intake {p_time:.2f} s ({args.backlog / p_time:.0f} messages/s), total {p_total:.2f} s ({args.backlog / p_total:.0f}/s), "
          f"{p_cases} cases (imaplib, email, sqlite3, smtplib)")
    print(f"   klachtd is {p_time / k_time:.1f} times as fast on intake, {p_total / k_total:.1f} times in total")

    results = {"latency_median_s": median, "latency_max_s": max(latencies), "cold_latency_median_s": statistics.median(cold), "cold_latency_max_s": max(cold), "idle_rss_mib": idle[0] / 1024, "idle_private_mib": idle[1] / 1024,
               "backlog": args.backlog, "klachtd_intake_s": k_time, "klachtd_per_s": args.backlog / k_time, "klachtd_total_s": k_total,
               "klachtd_peak_rss_mib": k_peak[0] / 1024, "klachtd_peak_private_mib": k_peak[1] / 1024, "python_intake_s": p_time, "python_per_s": args.backlog / p_time,
               "python_total_s": p_total, "ratio": p_time / k_time, "ratio_total": p_total / k_total}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    targets = [("median latency < 1 s", median < 1), (">= 500 messages/s", args.backlog / k_time >= 500),
               (">= 5x the Python baseline", p_time / k_time >= 5), ("idle resident memory < 20 MiB", idle[0] / 1024 < 20)]
    for name, met in targets:
        print(f"   target {name}: {'met' if met else 'NOT met'}")
    return 0 if all(met for _, met in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
