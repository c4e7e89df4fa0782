#!/bin/bash
# Stops the private Dovecot and Postfix that start.sh started under DIR, by their PIDs only.
# Dovecot's imap processes outlive its master, so its whole session is ended. Idempotent.
# Usage: deploy/testmail/stop.sh DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"
testmail_dir "${1:-}"
DIR="$TESTMAIL_DIR"
export PATH="$PATH:/usr/sbin:/sbin"

# PIDs of the processes in session $1 (the master is the session leader).
session_members() {
    ps -e -o pid= -o sid= | awk -v sid="$1" '$2 == sid { print $1 }'
}

if [ -f "$DIR/postfix/main.cf" ] && postfix -c "$DIR/postfix" status >/dev/null 2>&1; then
    postfix -c "$DIR/postfix" stop >/dev/null 2>&1 || true
fi
if [ -f "$DIR/postfix.pid" ]; then
    pid="$(cat "$DIR/postfix.pid")"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    rm -f "$DIR/postfix.pid"
fi

if [ -f "$DIR/dovecot.pid" ]; then
    sid="$(cat "$DIR/dovecot.pid")"
    members="$(session_members "$sid")"
    if [ -n "$members" ]; then
        # shellcheck disable=SC2086
        kill -TERM $members 2>/dev/null || true
        for _ in $(seq 1 50); do
            [ -z "$(session_members "$sid")" ] && break
            sleep 0.1
        done
        members="$(session_members "$sid")"
        # shellcheck disable=SC2086
        [ -n "$members" ] && kill -KILL $members 2>/dev/null
    fi
    rm -f "$DIR/dovecot.pid"
fi
echo "stop.sh: test mail server under $DIR stopped"
