# Shared by the testmail scripts: ports, users and paths of one private server directory.
# Sourced, not executed.

testmail_defaults() {
    KLACHTD_TEST_IMAP_PORT="${KLACHTD_TEST_IMAP_PORT:-10143}"
    KLACHTD_TEST_IMAPS_PORT="${KLACHTD_TEST_IMAPS_PORT:-10993}"
    KLACHTD_TEST_SMTP_PORT="${KLACHTD_TEST_SMTP_PORT:-10025}"
    KLACHTD_TEST_SUBMISSION_PORT="${KLACHTD_TEST_SUBMISSION_PORT:-10587}"
    KLACHTD_TEST_PASSWORD="${KLACHTD_TEST_PASSWORD:-secret}"
}

# The mailbox users of the test domain; any other address at example.test is refused at RCPT.
TESTMAIL_DOMAIN=example.test
TESTMAIL_USERS=(klachten kwaliteit directie aandacht behandelaar1 behandelaar2 behandelaar3
    ouder1 ouder2 ouder3 ouder4 ouder5 ouder6 ouder7 ouder8 ouder9)

# Resolves the server directory from $1 or KLACHTD_TEST_MAILDIR into TESTMAIL_DIR (absolute).
testmail_dir() {
    local dir="${1:-${KLACHTD_TEST_MAILDIR:-}}"
    if [ -z "$dir" ]; then
        echo "no server directory: pass DIR or set KLACHTD_TEST_MAILDIR (see deploy/testmail/start.sh)" >&2
        return 1
    fi
    mkdir -p "$dir"
    TESTMAIL_DIR="$(cd "$dir" && pwd)"
}

# Loads the ports a running server was started with (written by start.sh).
testmail_load() {
    testmail_dir "${1:-}" || return 1
    if [ ! -f "$TESTMAIL_DIR/ports.env" ]; then
        echo "$TESTMAIL_DIR has no running test mail server: run deploy/testmail/start.sh $TESTMAIL_DIR" >&2
        return 1
    fi
    # shellcheck source=/dev/null
    . "$TESTMAIL_DIR/ports.env"
}

# True when the PID in file $1 names a live process.
testmail_pid_alive() {
    local pid
    [ -f "$1" ] || return 1
    pid="$(cat "$1")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Waits until a TCP port on 127.0.0.1 sends a greeting starting with $2 (at most ~10 s).
testmail_wait_greeting() {
    local port="$1" expect="$2" i
    for i in $(seq 1 100); do
        if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && head -n 1 <&3" 2>/dev/null | grep -q "^$expect"; then
            return 0
        fi
        sleep 0.1
    done
    echo "port $port did not answer with '$expect'" >&2
    return 1
}

# Fails with a message when something already listens on 127.0.0.1 port $1.
testmail_require_free_port() {
    if timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; then
        echo "port $1 on 127.0.0.1 is already in use: choose others with the KLACHTD_TEST_*_PORT variables" >&2
        return 1
    fi
}
