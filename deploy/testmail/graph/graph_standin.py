#!/usr/bin/env python3
"""A Microsoft Graph stand-in for klachtd's tests (Python 3 stdlib only, HTTPS, loopback only).

It answers the Microsoft identity platform's client-credentials token request and the Graph mail
calls klachtd makes, with the documented JSON shapes (`value`, `@odata.nextLink`,
`@odata.deltaLink`, `{"error": {"code", "message"}}`), backed by the test Dovecot (read over IMAP
with imaplib) and Postfix (sendMail submits with smtplib), so mail really flows.

  POST /{tenant}/oauth2/v2.0/token                     client_credentials (secret or JWT assertion)
  GET  /v1.0/users/{mbx}/mailFolders/{folder}/messages/delta   (+ $skiptoken / $deltatoken pages)
  GET  /v1.0/users/{mbx}/messages/{id}/$value          the MIME bytes
  GET  /v1.0/users/{mbx}/messages/{id}[?$select=...]   PATCH it (isRead, categories)
  POST /v1.0/users/{mbx}/messages/{id}/move            {"destinationId"}
  GET  /v1.0/users/{mbx}/mailFolders[?$filter=displayName eq 'X']   POST to create one
  GET  /v1.0/users/{mbx}/mailFolders/{folder}          displayName, totalItemCount
  POST /v1.0/users/{mbx}/sendMail                      base64 MIME as text/plain -> 202

Faults for tests, POST /admin (form fields): action=throttle&count=N&seconds=S (the next N Graph
requests get 429 + Retry-After: S), action=unavailable&count=N&seconds=S (503), action=expire_delta
(every delta link issued so far answers 410 syncStateNotFound), action=expire_tokens (401),
action=roles&roles=A,B (roles of tokens issued from now on), action=lifetime&seconds=N,
action=stats (counters, among them TCP connections, and the time of every request and every
throttling answer).

Usage: graph_standin.py --port P --cert server.pem --key server.key --tenant T --client ID:SECRET
       --mailbox klachten@example.test --imap-port N --smtp-port N --password PW [--page-size 2]
       [--roles Mail.ReadWrite,Mail.Send] [--rbac Mail.ReadWrite,Mail.Send]
       [--certificate-thumbprint X5T_S256 --certificate-pem FILE]
"""
import argparse
import base64
import email
import email.utils
import hashlib
import imaplib
import json
import re
import secrets
import smtplib
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.clients = dict(entry.split(":", 1) for entry in args.client)
        self.tokens = {}            # token -> expiry
        self.lifetime = args.lifetime
        self.roles = [r for r in args.roles.split(",") if r]
        self.rbac = [r for r in args.rbac.split(",") if r]
        self.snapshots = {}         # delta token -> {id: fingerprint}
        self.pages = {}             # skip token -> (remaining items, delta token)
        self.delta_epoch = 0        # delta tokens of an older epoch answer 410
        self.categories = {}        # id -> [category]
        self.moved = set()          # ids moved out of the folder
        self.faults = []            # [(status, seconds)] for the next Graph requests
        self.stats = {"token": 0, "token_refused": 0, "delta": 0, "value": 0, "patch": 0, "move": 0, "send": 0,
                      "throttled": 0, "expired_delta": 0, "unauthorized": 0, "denied": 0, "connections": 0}
        self.requests = []          # [time, method, path]
        self.throttles = []         # [time, seconds]


def imap(args):
    conn = imaplib.IMAP4("127.0.0.1", args.imap_port)
    conn.login(args.mailbox, args.password)
    return conn


def folder_messages(args, folder="INBOX"):
    """{id: {"uid", "flags", "date", "message_id"}} of the IMAP folder."""
    conn = imap(args)
    try:
        typ, data = conn.select(folder)
        validity = conn.response("UIDVALIDITY")[1][0].decode()
        typ, data = conn.uid("FETCH", "1:*", "(UID FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        found = {}
        for item in data or []:
            if not isinstance(item, tuple):
                continue
            meta = item[0].decode()
            uid = re.search(r"UID (\d+)", meta)
            if not uid:
                continue
            flags = re.search(r"FLAGS \(([^)]*)\)", meta)
            date = re.search(r'INTERNALDATE "([^"]+)"', meta)
            header = email.message_from_bytes(item[1])
            ident = "imm-%s-%s" % (validity, uid.group(1))
            found[ident] = {"uid": uid.group(1), "flags": flags.group(1).split() if flags else [],
                            "date": date.group(1) if date else None, "message_id": header.get("Message-ID")}
        return found
    finally:
        conn.logout()


def iso(internal_date):
    if not internal_date:
        return None
    parsed = time.strptime(internal_date[:20], "%d-%b-%Y %H:%M:%S")
    offset = internal_date[21:]
    seconds = time.mktime(parsed) - time.timezone
    sign = 1 if offset[0] == "+" else -1
    seconds -= sign * (int(offset[1:3]) * 3600 + int(offset[3:5]) * 60)
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


class Handler(BaseHTTPRequestHandler):
    state = None
    protocol_version = "HTTP/1.1"

    def setup(self):
        # Once per TCP connection (a keep-alive connection carries many requests): counted,
        # so a test can see klachtd reuse its connections.
        super().setup()
        with self.state.lock:
            self.state.stats["connections"] += 1

    def log_message(self, fmt, *args):
        sys.stderr.write("graph_standin: %s %s\n" % (self.command, self.path.split("?")[0]))

    def reply(self, status, body=None, headers=None, raw=None, content_type="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else b"")
        self.send_response(status)
        if data or raw is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, code, message, headers=None):
        self.reply(status, {"error": {"code": code, "message": message}}, headers)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length)

    # --- routing

    def do_GET(self):
        self.route("GET", b"")

    def do_PATCH(self):
        self.route("PATCH", self.body())

    def do_POST(self):
        self.route("POST", self.body())

    def route(self, method, body):
        url = urlparse(self.path)
        path = unquote(url.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        state = self.state
        with state.lock:
            if path == "/admin":
                return self.admin({k: v[0] for k, v in parse_qs(body.decode()).items()})
            if path.endswith("/oauth2/v2.0/token") and method == "POST":
                return self.token(path.split("/")[1], {k: v[0] for k, v in parse_qs(body.decode()).items()})
            state.requests.append([time.time(), method, path])
            if state.faults:
                status, seconds = state.faults.pop(0)
                state.stats["throttled"] += 1
                state.throttles.append([time.time(), seconds])
                code = "TooManyRequests" if status == 429 else "ServiceNotAvailable"
                return self.error(status, code, "Please retry after %d seconds." % seconds, {"Retry-After": str(seconds)})
            prefix = "/v1.0/users/%s" % state.args.mailbox
            if not path.lower().startswith(prefix.lower()):
                return self.error(404, "ErrorInvalidUser", "The requested user '%s' is invalid." % path.split("/")[3:4])
            auth = self.headers.get("Authorization", "")
            token = auth[7:] if auth.startswith("Bearer ") else ""
            if token not in state.tokens or state.tokens[token]["exp"] <= time.time():
                state.stats["unauthorized"] += 1
                return self.error(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.")
            # Exchange Online RBAC for Applications grants access without a role in the token.
            roles = state.tokens[token]["roles"] + state.rbac
            rest = path[len(prefix):]
            need = "Mail.Send" if rest == "/sendMail" else "Mail.ReadWrite"
            if need not in roles:
                state.stats["denied"] += 1
                return self.error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            try:
                return self.graph(method, rest, query, body)
            except Exception as problem:  # a broken stand-in must show, not hang the test
                sys.stderr.write("graph_standin: %r\n" % problem)
                return self.error(500, "generalException", str(problem))

    # --- the token endpoint

    def token(self, tenant, fields):
        state = self.state
        if tenant != state.args.tenant:
            state.stats["token_refused"] += 1
            return self.reply(400, {"error": "invalid_request", "error_description":
                                    "AADSTS90002: Tenant '%s' not found. Check to make sure you have the correct tenant ID." % tenant})
        client_id = fields.get("client_id", "")
        if client_id not in state.clients:
            state.stats["token_refused"] += 1
            return self.reply(400, {"error": "unauthorized_client", "error_description":
                                    "AADSTS700016: Application with identifier '%s' was not found in the directory." % client_id})
        if "client_assertion" in fields:
            problem = self.check_assertion(fields["client_assertion"], client_id, state.args.tenant)
            if problem:
                state.stats["token_refused"] += 1
                return self.reply(401, {"error": "invalid_client", "error_description": "AADSTS700027: " + problem})
        elif fields.get("client_secret") != state.clients[client_id]:
            state.stats["token_refused"] += 1
            return self.reply(401, {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided."})
        if fields.get("scope") != "https://127.0.0.1:%d/.default" % state.args.port and fields.get("scope") != "https://graph.microsoft.com/.default":
            state.stats["token_refused"] += 1
            return self.reply(400, {"error": "invalid_scope", "error_description": "AADSTS70011: The scope %s is not valid." % fields.get("scope")})
        state.stats["token"] += 1
        header = b64url(json.dumps({"typ": "JWT", "alg": "none"}).encode())
        claims = {"aud": "https://graph.microsoft.com", "appid": client_id, "roles": list(state.roles),
                  "exp": int(time.time() + state.lifetime), "jti": secrets.token_hex(8)}
        token = header + "." + b64url(json.dumps(claims).encode()) + "." + b64url(secrets.token_bytes(16))
        state.tokens[token] = {"exp": time.time() + state.lifetime, "roles": list(state.roles)}
        return self.reply(200, {"token_type": "Bearer", "expires_in": state.lifetime, "ext_expires_in": state.lifetime,
                                "access_token": token})

    def check_assertion(self, assertion, client_id, tenant):
        """RS256 JWT signed by the certificate's key, x5t#S256 naming the certificate (checked with openssl)."""
        args = self.state.args
        if not args.certificate_pem:
            return "no certificate is registered for the application"
        try:
            head, payload, signature = assertion.split(".")
            header = json.loads(b64url_decode(head))
            claims = json.loads(b64url_decode(payload))
        except ValueError:
            return "the client assertion is not a JWT"
        der = ssl.PEM_cert_to_DER_cert(open(args.certificate_pem).read())
        if header.get("alg") != "RS256" or header.get("x5t#S256") != b64url(hashlib.sha256(der).digest()):
            return "the assertion's x5t#S256 names no certificate of the application"
        if claims.get("iss") != client_id or claims.get("sub") != client_id or claims.get("exp", 0) < time.time():
            return "the assertion's iss, sub or exp is wrong"
        if not str(claims.get("aud", "")).endswith("/%s/oauth2/v2.0/token" % tenant):
            return "the assertion's aud is not this token endpoint"
        with tempfile.NamedTemporaryFile() as data, tempfile.NamedTemporaryFile() as sig, tempfile.NamedTemporaryFile() as key:
            data.write((head + "." + payload).encode()); data.flush()
            sig.write(b64url_decode(signature)); sig.flush()
            key.write(subprocess.run(["openssl", "x509", "-pubkey", "-noout", "-in", args.certificate_pem],
                                     capture_output=True).stdout); key.flush()
            verified = subprocess.run(["openssl", "dgst", "-sha256", "-verify", key.name, "-signature", sig.name, data.name],
                                      capture_output=True)
        return None if verified.returncode == 0 else "the assertion's signature does not verify"

    # --- Graph

    def graph(self, method, rest, query, body):
        state, args = self.state, self.state.args
        delta = re.fullmatch(r"/mailFolders/([^/]+)/messages/delta", rest)
        if delta and method == "GET":
            return self.delta(query)
        value = re.fullmatch(r"/messages/([^/]+)/\$value", rest)
        if value and method == "GET":
            found = folder_messages(args).get(value.group(1))
            if not found:
                return self.error(404, "ErrorItemNotFound", "The specified object was not found in the store.")
            conn = imap(args)
            try:
                conn.select("INBOX")
                typ, data = conn.uid("FETCH", found["uid"], "(BODY.PEEK[])")
            finally:
                conn.logout()
            state.stats["value"] += 1
            return self.reply(200, raw=data[0][1], content_type="message/rfc822")
        move = re.fullmatch(r"/messages/([^/]+)/move", rest)
        if move and method == "POST":
            return self.move(move.group(1), json.loads(body or b"{}"))
        message = re.fullmatch(r"/messages/([^/]+)", rest)
        if message:
            return self.message(method, message.group(1), json.loads(body or b"{}") if method == "PATCH" else None)
        if rest == "/mailFolders":
            return self.folders(method, query, json.loads(body or b"{}") if method == "POST" else None)
        folder = re.fullmatch(r"/mailFolders/([^/]+)", rest)
        if folder and method == "GET":
            name = folder.group(1)
            imap_name = "INBOX" if name.lower() == "inbox" else name
            count = len(folder_messages(args, imap_name))
            return self.reply(200, {"id": name, "displayName": "Inbox" if imap_name == "INBOX" else name, "totalItemCount": count})
        if rest == "/sendMail" and method == "POST":
            return self.send_mail(body)
        return self.error(400, "BadRequest", "Resource not found for the segment '%s'." % rest)

    def fingerprint(self, ident, info):
        return json.dumps(["\\Seen" in info["flags"], self.state.categories.get(ident, [])])

    def item(self, ident, info):
        return {"@odata.type": "#microsoft.graph.message", "id": ident, "receivedDateTime": iso(info["date"]),
                "isRead": "\\Seen" in info["flags"], "categories": self.state.categories.get(ident, []),
                "internetMessageId": info["message_id"]}

    def delta(self, query):
        state = self.state
        base = "https://127.0.0.1:%d%s" % (state.args.port, urlparse(self.path).path)
        if "$skiptoken" in query:
            page = state.pages.get(query["$skiptoken"])
            if page is None or page[2] != state.delta_epoch:
                return self.expired()
            return self.delta_page(base, page[0], page[1])
        current = folder_messages(state.args)
        snapshot = {ident: self.fingerprint(ident, info) for ident, info in current.items()}
        if "$deltatoken" in query:
            known = state.snapshots.get(query["$deltatoken"])
            if known is None or known[1] != state.delta_epoch:
                return self.expired()
            before = known[0]
            items = [self.item(i, current[i]) for i in sorted(current, key=lambda i: int(current[i]["uid"]))
                     if before.get(i) != snapshot[i]]
            items += [{"id": i, "@removed": {"reason": "deleted"}} for i in before if i not in snapshot]
        else:
            items = [self.item(i, current[i]) for i in sorted(current, key=lambda i: int(current[i]["uid"]))]
        token = "dt-" + secrets.token_urlsafe(12)
        state.snapshots[token] = (snapshot, state.delta_epoch)
        state.stats["delta"] += 1
        return self.delta_page(base, items, token)

    def delta_page(self, base, items, token):
        state = self.state
        size = state.args.page_size
        body = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(message)", "value": items[:size]}
        if len(items) > size:
            skip = "st-" + secrets.token_urlsafe(12)
            state.pages[skip] = (items[size:], token, state.delta_epoch)
            body["@odata.nextLink"] = base + "?$skiptoken=" + skip
        else:
            body["@odata.deltaLink"] = base + "?$deltatoken=" + token
        return self.reply(200, body)

    def expired(self):
        self.state.stats["expired_delta"] += 1
        return self.error(410, "syncStateNotFound", "The sync state generation is not found. Restart the sync without a delta token.")

    def message(self, method, ident, patch):
        state = self.state
        found = folder_messages(state.args).get(ident)
        if not found:
            return self.error(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        if method == "PATCH":
            if "categories" in patch:
                state.categories[ident] = list(patch["categories"])
            if patch.get("isRead"):
                conn = imap(state.args)
                try:
                    conn.select("INBOX")
                    conn.uid("STORE", found["uid"], "+FLAGS", "(\\Seen)")
                finally:
                    conn.logout()
                found["flags"].append("\\Seen")
            state.stats["patch"] += 1
        return self.reply(200, self.item(ident, found))

    def folders(self, method, query, body):
        conn = imap(self.state.args)
        try:
            if method == "POST":
                conn.create(body["displayName"])
                return self.reply(201, {"id": "folder-" + body["displayName"], "displayName": body["displayName"]})
            typ, data = conn.list()
            names = [re.search(r'"([^"]*)"$|(\S+)$', line.decode()).group(0).strip('"') for line in data or [] if line]
        finally:
            conn.logout()
        wanted = re.search(r"displayName eq '((?:[^']|'')*)'", query.get("$filter", ""))
        if wanted:
            names = [n for n in names if n == wanted.group(1).replace("''", "'")]
        return self.reply(200, {"value": [{"id": "folder-" + n, "displayName": n} for n in names]})

    def move(self, ident, body):
        state = self.state
        found = folder_messages(state.args).get(ident)
        if not found:
            return self.error(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        target = body.get("destinationId", "")
        if not target.startswith("folder-"):
            return self.error(400, "ErrorInvalidIdMalformed", "Id is malformed.")
        conn = imap(state.args)
        try:
            conn.select("INBOX")
            conn.uid("MOVE", found["uid"], target[len("folder-"):])
        finally:
            conn.logout()
        state.moved.add(ident)
        state.stats["move"] += 1
        return self.reply(201, {"id": ident})

    def send_mail(self, body):
        state, args = self.state, self.state.args
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "text/plain":
            return self.error(400, "ErrorMimeContentInvalid", "MIME content must be base64 text/plain.")
        try:
            mime = base64.b64decode(body, validate=True)
        except ValueError:
            return self.error(400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.")
        message = email.message_from_bytes(mime)
        recipients = [a for _, a in email.utils.getaddresses(message.get_all("To", []) + message.get_all("Cc", []) + message.get_all("Bcc", []))]
        if not recipients:
            return self.error(400, "ErrorInvalidRecipients", "At least one recipient is not valid.")
        with smtplib.SMTP("127.0.0.1", args.smtp_port, timeout=20) as smtp:
            smtp.sendmail(args.mailbox, recipients, mime)
        state.stats["send"] += 1
        return self.reply(202)

    # --- faults and counters

    def admin(self, fields):
        state = self.state
        action = fields.get("action")
        if action in ("throttle", "unavailable"):
            status = 429 if action == "throttle" else 503
            state.faults += [(status, int(fields.get("seconds", "2")))] * int(fields.get("count", "1"))
        elif action == "expire_delta":
            state.delta_epoch += 1
        elif action == "expire_tokens":
            for record in state.tokens.values():
                record["exp"] = 0
        elif action == "roles":
            state.roles = [r for r in fields.get("roles", "").split(",") if r]
        elif action == "lifetime":
            state.lifetime = int(fields["seconds"])
        elif action != "stats":
            return self.reply(400, {"error": "unknown action"})
        return self.reply(200, dict(state.stats, requests=state.requests, throttles=state.throttles,
                                    tokens=list(state.tokens)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in ("--cert", "--key", "--tenant", "--mailbox", "--password"):
        parser.add_argument(name, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--imap-port", type=int, required=True)
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--client", action="append", default=[], help="ID:SECRET")
    parser.add_argument("--roles", default="Mail.ReadWrite,Mail.Send", help="the roles claim of issued tokens (Entra ID grants)")
    parser.add_argument("--rbac", default="", help="permissions granted by Exchange Online RBAC for Applications (not in the token)")
    parser.add_argument("--lifetime", type=int, default=3600)
    parser.add_argument("--page-size", type=int, default=2)
    parser.add_argument("--certificate-pem", default=None, help="the certificate registered for client assertions")
    args = parser.parse_args()
    Handler.state = State(args)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    sys.stderr.write("graph_standin: listening on https://127.0.0.1:%d\n" % args.port)
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
