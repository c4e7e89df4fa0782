"""What the daemon, backlog and scale benchmarks share: the private test mail server's
mailboxes (through its own doveadm) and the klachtd configuration that points at it.

One place, so that a change to the test server or to the configuration keys reaches every
benchmark at once."""
import os
import subprocess

ENV = os.environ
PARENTS = [f"ouder{n}@example.test" for n in range(1, 10)]
STAFF = ["klachten", "kwaliteit", "directie", "aandacht", "behandelaar1", "behandelaar2", "behandelaar3"]

TWO_LOCATIONS = """[location "Morel"]
handler = behandelaar1@example.test
aliases = morel, bso morel
[location "De Boomgaard"]
handler = behandelaar2@example.test
aliases = boomgaard, kdv de boomgaard
"""


def doveadm(*args):
    """Runs doveadm against the benchmark's own Dovecot, never the system's."""
    subprocess.run(["doveadm", "-c", os.path.join(ENV["KLACHTD_TEST_MAILDIR"], "dovecot.conf"), *args],
                   check=True, stdout=subprocess.DEVNULL)


def empty_mailboxes():
    """Every mailbox the benchmarks write to, emptied between runs."""
    for user in STAFF + [p.split("@")[0] for p in PARENTS]:
        doveadm("expunge", "-u", f"{user}@example.test", "mailbox", "*", "all")


def mail_server_transport(work, smtp_port=None):
    """The [imap] and [smtp] sections for the test mail server. `smtp_port` other than the test
    server's makes sending fail (used to measure commands without mail going out)."""
    secret = os.path.join(work, "imap.secret")
    with open(secret, "w") as f:
        f.write(ENV.get("KLACHTD_TEST_PASSWORD", "secret") + "\n")
    return f"""[imap]
url = imap://127.0.0.1:{ENV['KLACHTD_TEST_IMAP_PORT']}/INBOX
username = klachten@example.test
password_file = {secret}
ca_file = {ENV['KLACHTD_TEST_CA_FILE']}
poll_interval = 600
[smtp]
url = smtp://127.0.0.1:{smtp_port or ENV['KLACHTD_TEST_SMTP_PORT']}
starttls = no
"""


def write_configuration(path, work, database, limits="", locations=TWO_LOCATIONS, smtp_port=None, transport=None):
    """A klachtd configuration for the benchmarks: the test mail server over IMAP and SMTP,
    or the given `transport` sections (the Graph benchmark's [graph])."""
    with open(path, "w") as f:
        f.write(f"""[organisation]
name = Kinderopvang De Vlinder
address = klachten@example.test
quality = kwaliteit@example.test
management = directie@example.test
safeguarding = aandacht@example.test
{transport or mail_server_transport(work, smtp_port)}[storage]
database = {database}
[limits]
{limits}
[service]
worker_linger = 5
""" + locations)
    return path


def children(pid):
    """The running child processes of pid (klachtd's workers), from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def rss_kib(pid, field="VmRSS"):
    """Resident memory in KiB of pid and its children together: VmRSS (all resident pages,
    shared library code included, counted once per process) or RssAnon (private memory)."""
    total = 0
    for process in [pid] + children(pid):
        try:
            with open(f"/proc/{process}/status") as f:
                for line in f:
                    if line.startswith(field + ":"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total
