#!/bin/bash
# Simulates a UIDVALIDITY change (as after a server restore): sets a new UIDVALIDITY on a
# test user's mailbox, so clients must treat every UID they kept for it as void.
# Usage: deploy/testmail/uidvalidity.sh USER [MAILBOX] [NEW_VALUE]   (default: current + 1)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"
if [ $# -lt 1 ]; then
    echo "usage: $0 USER [MAILBOX] [NEW_VALUE]" >&2
    exit 2
fi
testmail_load ""
user="$1"
[[ "$user" == *@* ]] || user="$user@$TESTMAIL_DOMAIN"
mailbox="${2:-INBOX}"
DOVEADM=(doveadm -c "$KLACHTD_TEST_MAILDIR/dovecot.conf")
value="${3:-}"
if [ -z "$value" ]; then
    current="$("${DOVEADM[@]}" -f flow mailbox status -u "$user" uidvalidity "$mailbox" | sed 's/.*uidvalidity=//')"
    value=$((current + 1))
fi
"${DOVEADM[@]}" mailbox update -u "$user" --uid-validity "$value" "$mailbox"
echo "$value"
