#!/bin/bash
# Shows a test user's mailbox through doveadm.
# Usage: deploy/testmail/mailbox.sh USER [list|dump|status] [MAILBOX]
#   list    (default) UID, flags and subject of each message
#   dump    every message in full
#   status  UIDVALIDITY, UIDNEXT and message count
# USER may omit @example.test. The server is KLACHTD_TEST_MAILDIR.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"
if [ $# -lt 1 ]; then
    echo "usage: $0 USER [list|dump|status] [MAILBOX]" >&2
    exit 2
fi
testmail_load ""
user="$1"
[[ "$user" == *@* ]] || user="$user@$TESTMAIL_DOMAIN"
mailbox="${3:-INBOX}"
DOVEADM=(doveadm -c "$KLACHTD_TEST_MAILDIR/dovecot.conf")
case "${2:-list}" in
    list)   "${DOVEADM[@]}" fetch -u "$user" 'uid flags hdr.subject' mailbox "$mailbox" all ;;
    dump)   "${DOVEADM[@]}" fetch -u "$user" 'uid flags text' mailbox "$mailbox" all ;;
    status) "${DOVEADM[@]}" mailbox status -u "$user" 'uidvalidity uidnext messages' "$mailbox" ;;
    *)      echo "unknown action '$2': list, dump or status" >&2; exit 2 ;;
esac
