#!/bin/bash
# The demo: a private Dovecot + Postfix on 127.0.0.1, klachtd built and configured against
# it, three Dutch complaints sent by parents, the daemon run until they are handled, a handler
# who judges one case by replying to its mail, and then the cases and the mails as they arrived
# in the parents', the handler's and the quality staff's mailboxes.
#
#   sudo deploy/scripts/demo.sh          (KEEP=1 leaves the mail server running afterwards)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
. "$HERE/prepare.sh"

WORK="$(mktemp -d /tmp/klachtd-demo.XXXXXX)"
chmod 755 "$WORK"   # the mail server's own users must reach $WORK/mail
MAILDIR="$WORK/mail"
DAEMON_PID=""
cleanup() {
    if [ -n "$DAEMON_PID" ]; then kill "$DAEMON_PID" 2>/dev/null || true; wait "$DAEMON_PID" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" != 1 ]; then
        "$ROOT/deploy/testmail/stop.sh" "$MAILDIR" >/dev/null 2>&1 || true
    else
        echo "The mail server keeps running (KEEP=1): stop it with deploy/testmail/stop.sh $MAILDIR"
    fi
}
trap cleanup EXIT

echo "==> Building klachtd"
# klachtd and the small supervisor that `klachtd run` becomes (it starts klachtd workers on demand).
for product in klachtd klachtd-supervisor; do
    swift build --product "$product" >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done
KLACHTD="$(swift build --product klachtd --show-bin-path)/klachtd"

echo "==> Starting a private mail server (Dovecot + Postfix on 127.0.0.1) in $MAILDIR"
"$ROOT/deploy/testmail/start.sh" "$MAILDIR" | sed 's/^/    /'
eval "$("$ROOT/deploy/testmail/env.sh" "$MAILDIR")"

echo "==> Writing the configuration: $WORK/klachtd.conf (from deploy/klachtd.conf.example)"
printf '%s\n' "$KLACHTD_TEST_PASSWORD" > "$WORK/imap.secret"
chmod 600 "$WORK/imap.secret"
sed -e "s#^url = imap://127.0.0.1:10143/INBOX#url = imap://127.0.0.1:$KLACHTD_TEST_IMAP_PORT/INBOX#" \
    -e "s#^url = smtp://127.0.0.1:10025#url = smtp://127.0.0.1:$KLACHTD_TEST_SMTP_PORT#" \
    -e "s#^password_file = /etc/klachtd/imap.secret#password_file = $WORK/imap.secret#" \
    -e "s#^\# ca_file = /etc/klachtd/ca.pem#ca_file = $KLACHTD_TEST_CA_FILE#" \
    -e "s#^database = .*#database = $WORK/klachtd.sqlite#" \
    -e "s#^poll_interval = 60#poll_interval = 5#" \
    "$ROOT/deploy/klachtd.conf.example" > "$WORK/klachtd.conf"
"$KLACHTD" check-config --config "$WORK/klachtd.conf" --connect | sed 's/^/    /'

echo "==> Three parents send a complaint to klachten@example.test"
for i in 1 2 3; do
    file="$(ls "$ROOT"/deploy/demo/complaint-$i-*.eml)"
    from="$(sed -n 's/^From: .*<\(.*\)>.*/\1/p' "$file" | head -n 1)"
    subject="$(python3 -c 'import email,email.policy,sys; print(email.message_from_binary_file(open(sys.argv[1],"rb"),policy=email.policy.default)["Subject"])' "$file")"
    "$ROOT/deploy/testmail/send.sh" "$from" klachten@example.test "$file" >/dev/null
    echo "    $from: $subject"
done

echo "==> Running the daemon until the complaints are handled (log: $WORK/klachtd.log)"
"$KLACHTD" run --config "$WORK/klachtd.conf" >"$WORK/klachtd.log" 2>&1 &
DAEMON_PID=$!
for _ in $(seq 1 120); do
    arrived=0
    for i in 1 2 3; do
        n="$("$ROOT/deploy/testmail/mailbox.sh" "ouder$i" status 2>/dev/null | sed -n 's/.*messages=\([0-9]*\).*/\1/p')"
        [ "${n:-0}" -ge 1 ] && arrived=$((arrived + 1))
    done
    [ "$arrived" -eq 3 ] && break
    sleep 0.5
done

echo "==> The handler of BSO Morel answers the assignment mail with a judgement (#oordeel, #maatregel, #termijn)"
assignment_uid="$(doveadm -c "$MAILDIR/dovecot.conf" fetch -u behandelaar1@example.test uid mailbox INBOX all | sed -n 's/^uid: //p' | head -n 1)"
doveadm -c "$MAILDIR/dovecot.conf" fetch -u behandelaar1@example.test text mailbox INBOX uid "$assignment_uid" \
    | python3 "$HERE/demo-handler-reply.py" > "$WORK/handler-reply.eml"
sed -n 's/^To: /    to the case address /p' "$WORK/handler-reply.eml"
"$ROOT/deploy/testmail/send.sh" behandelaar1@example.test "$(sed -n 's/^To: //p' "$WORK/handler-reply.eml")" "$WORK/handler-reply.eml" >/dev/null
for _ in $(seq 1 60); do
    n="$("$ROOT/deploy/testmail/mailbox.sh" ouder1 status 2>/dev/null | sed -n 's/.*messages=\([0-9]*\).*/\1/p')"
    [ "${n:-0}" -ge 2 ] && break
    sleep 0.5
done
kill -TERM "$DAEMON_PID"
wait "$DAEMON_PID" || true
DAEMON_PID=""
sed 's/^<[0-9]>/    /' "$WORK/klachtd.log"

echo
echo "==> The cases (klachtd cases)"
"$KLACHTD" cases --config "$WORK/klachtd.conf"
echo
echo "==> One case in full (klachtd case KL-...-0001)"
first="$("$KLACHTD" cases --config "$WORK/klachtd.conf" --json | python3 -c 'import json,sys; print(sorted(c["reference"] for c in json.load(sys.stdin))[0])')"
"$KLACHTD" case "$first" --config "$WORK/klachtd.conf"

for user in ouder1 ouder2 ouder3 behandelaar1 kwaliteit; do
    echo
    echo "==> The mailbox of $user@example.test"
    # One fetch per message: doveadm's output has no separator a message text could not contain.
    for uid in $(doveadm -c "$MAILDIR/dovecot.conf" fetch -u "$user@example.test" uid mailbox INBOX all | sed -n 's/^uid: //p'); do
        doveadm -c "$MAILDIR/dovecot.conf" fetch -u "$user@example.test" text mailbox INBOX uid "$uid" \
            | python3 "$HERE/show-mail.py"
    done
done
echo
echo "Done. Everything is in $WORK (the database, the configuration, the daemon's log)."
