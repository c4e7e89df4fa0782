"""klachtd's Microsoft Graph benchmark (issue 21), against the private test mail server
(KLACHTD_TEST_* environment) and the Graph stand-in (deploy/testmail/graph/graph_standin.py):

1. latency: complaints sent one by one, each at a random moment of the poll cycle, while only the supervisor runs and polls the delta
   link at the DEFAULT poll interval ([graph] poll_interval left out: 15 s): the time from
   the SMTP send to the acknowledgement in the parent's mailbox (worker start, delta query,
   $value, the case, sendMail through the stand-in to Postfix and Dovecot);
2. memory: the resident set while idle (the supervisor alone, polling Graph).

[service] worker_linger = 5, so the worker hands over within seconds after each complaint.

    python3 bench.py --klachtd .build/release/klachtd --standin-port 24443 [--latency 6] [--json FILE]
"""
import argparse
import email.utils
import imaplib
import json
import random
import os
import smtplib
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "daemon"))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
from bench import complaint  # noqa: E402  (the daemon benchmark's complaint mail)
import benchmail  # noqa: E402
from benchmail import children, empty_mailboxes, rss_kib  # noqa: E402

ENV = os.environ


def configuration(work, port):
    secret = os.path.join(work, "graph.secret")
    with open(secret, "w") as f:
        f.write("bench-secret\n")
    graph = f"""[graph]
tenant = bench.onmicrosoft.test
client_id = bench-app
client_secret_file = {secret}
mailbox = klachten@example.test
authority = https://127.0.0.1:{port}
endpoint = https://127.0.0.1:{port}/v1.0
ca_file = {ENV['KLACHTD_TEST_CA_FILE']}
"""
    return benchmail.write_configuration(os.path.join(work, "klachtd.conf"), work,
                                         os.path.join(work, "klachtd.sqlite"), transport=graph)


def inbox_count(user):
    conn = imaplib.IMAP4("127.0.0.1", int(ENV["KLACHTD_TEST_IMAP_PORT"]))
    conn.login(user, ENV.get("KLACHTD_TEST_PASSWORD", "secret"))
    typ, data = conn.select("INBOX", readonly=True)
    count = int(data[0])
    conn.logout()
    return count


def standin_stats(port, ca_file):
    """The stand-in's counters: its Graph calls, tokens issued and TCP connections accepted."""
    context = ssl.create_default_context(cafile=ca_file)
    request = urllib.request.Request(f"https://127.0.0.1:{port}/admin", data=b"action=stats", method="POST")
    with urllib.request.urlopen(request, context=context, timeout=10) as reply:
        return json.load(reply)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--klachtd", required=True)
    parser.add_argument("--standin-port", type=int, required=True)
    parser.add_argument("--latency", type=int, default=6)
    parser.add_argument("--json")
    args = parser.parse_args()
    maildir = ENV["KLACHTD_TEST_MAILDIR"]
    empty_mailboxes()
    work = tempfile.mkdtemp(prefix="klachtd-graph-bench-")
    standin = subprocess.Popen(
        ["python3", os.path.join(HERE, "..", "..", "testmail", "graph", "graph_standin.py"), "--port", str(args.standin_port),
         "--cert", os.path.join(maildir, "server.pem"), "--key", os.path.join(maildir, "server.key"),
         "--tenant", "bench.onmicrosoft.test", "--client", "bench-app:bench-secret", "--mailbox", "klachten@example.test",
         "--imap-port", ENV["KLACHTD_TEST_IMAP_PORT"], "--smtp-port", ENV["KLACHTD_TEST_SMTP_PORT"],
         "--password", ENV.get("KLACHTD_TEST_PASSWORD", "secret"), "--page-size", "50"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "standin.log"), "w"))
    time.sleep(1)
    config = configuration(work, args.standin_port)
    log = open(os.path.join(work, "klachtd.log"), "w")
    daemon = subprocess.Popen([args.klachtd, "run", "--config", config], stdout=log, stderr=log)
    try:
        latencies, idle = [], []
        smtp_port = int(ENV["KLACHTD_TEST_SMTP_PORT"])
        for n in range(1, args.latency + 1):
            # Wait until the worker of the previous complaint (or the first one) has handed over
            # and only the supervisor runs: its log says so once per hand-over.
            deadline = time.time() + 120
            while time.time() < deadline:
                with open(os.path.join(work, "klachtd.log")) as f:
                    handovers = f.read().count("the supervisor watches the mailbox")
                if handovers >= n and not children(daemon.pid):
                    break
                time.sleep(0.2)
            else:
                raise SystemExit(f"the worker did not hand over within 120 s; see {work}/klachtd.log")
            time.sleep(2)
            idle.append(rss_kib(daemon.pid))
            # Mail arrives at any moment of the supervisor's poll cycle, not in step with it.
            time.sleep(random.uniform(0, 15))
            parent = f"ouder{n % 9 + 1}@example.test"
            before = inbox_count(parent)
            message = complaint(n, parent, f"graph-bench-{n}-{time.time()}@ouders.example.test")
            start = time.time()
            with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
                smtp.sendmail(parent, ["klachten@example.test"], message)
            while inbox_count(parent) <= before:
                if time.time() - start > 120:
                    raise SystemExit(f"complaint {n} not acknowledged within 120 s; see {work}/klachtd.log")
                time.sleep(0.05)
            latencies.append(time.time() - start)
            print(f"complaint {n}: acknowledged after {latencies[-1]:.2f} s (idle RSS before it {idle[-1] / 1024:.1f} MiB)", flush=True)
        stats = standin_stats(args.standin_port, ENV["KLACHTD_TEST_CA_FILE"])
        results = {"graph_calls": len(stats["requests"]) + stats["token"], "tcp_connections": stats["connections"],
                   "poll_interval_s": 15, "latency_median_s": statistics.median(latencies), "latency_max_s": max(latencies),
                   "latency_min_s": min(latencies), "idle_rss_mib_median": statistics.median(idle) / 1024,
                   "idle_rss_mib_max": max(idle) / 1024, "complaints": len(latencies)}
        print(json.dumps(results, indent=2))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=2)
    finally:
        daemon.terminate()
        daemon.wait(timeout=20)
        standin.terminate()
        standin.wait(timeout=10)


if __name__ == "__main__":
    main()
