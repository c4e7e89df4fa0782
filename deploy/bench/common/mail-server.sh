# Sourced by the benchmark scripts that need the private test mail server: builds klachtd in
# release mode, starts Dovecot and Postfix on their own ports (the caller's KLACHTD_TEST_*_PORT,
# or BENCH_PORT_PREFIX followed by 143/993/025/587), runs a Python benchmark with the test
# server's environment and `--klachtd BINARY`, and stops the server it started on exit.
#   BENCH_PORT_PREFIX=15 . deploy/bench/common/mail-server.sh
#   run_with_mail_server deploy/bench/daemon/bench.py "$@"
# Expects ROOT (the checkout) and PATH with swift set by the caller.

export KLACHTD_TEST_IMAP_PORT="${KLACHTD_TEST_IMAP_PORT:-${BENCH_PORT_PREFIX}143}"
export KLACHTD_TEST_IMAPS_PORT="${KLACHTD_TEST_IMAPS_PORT:-${BENCH_PORT_PREFIX}993}"
export KLACHTD_TEST_SMTP_PORT="${KLACHTD_TEST_SMTP_PORT:-${BENCH_PORT_PREFIX}025}"
export KLACHTD_TEST_SUBMISSION_PORT="${KLACHTD_TEST_SUBMISSION_PORT:-${BENCH_PORT_PREFIX}587}"

run_with_mail_server() {
    local script="$1"; shift
    BENCH_MAILDIR="$(mktemp -d /tmp/klachtd-bench-mail.XXXXXX)"
    trap '"$ROOT/deploy/testmail/stop.sh" "$BENCH_MAILDIR" >/dev/null 2>&1 || true; rm -rf "$BENCH_MAILDIR"' EXIT
    echo "==> Building klachtd (release)"
    swift build -c release --product klachtd >/dev/null
    swift build -c release --product klachtd-supervisor >/dev/null
    "$ROOT/deploy/testmail/start.sh" "$BENCH_MAILDIR" >/dev/null
    eval "$("$ROOT/deploy/testmail/env.sh" "$BENCH_MAILDIR")"
    python3 "$script" --klachtd "$(swift build -c release --product klachtd --show-bin-path)/klachtd" "$@"
}
