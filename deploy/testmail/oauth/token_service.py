#!/usr/bin/env python3
"""A small OAuth 2.0 token service for klachtd's tests (Python 3 stdlib only, loopback only).

Issues access tokens by the client-credentials, refresh-token and authorization-code (PKCE)
grants, introspects them for Dovecot's oauth2 passdb (RFC 7662, POST token=...), and lets a
test expire, rotate and revoke through POST /admin. Tokens live in memory only.

Usage: token_service.py --port PORT --client ID:SECRET:USER [--client ...]
                        [--refresh-token TOKEN:CLIENT_ID:USER] [--lifetime SECONDS] [--rotate]

Admin actions (POST /admin, form fields): action=expire (every access token issued so far stops
working), action=rotate&on=1|0 (refresh grants return a new refresh token), action=revoke_secret&client_id=ID,
action=set_secret&client_id=ID&secret=S, action=lifetime&seconds=N, action=revoke_refresh_tokens,
action=stats (JSON counters), action=issued (every token and secret, for leak checks).
"""
import argparse
import base64
import hashlib
import json
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse


class State:
    """Everything the service knows; one lock guards it."""

    def __init__(self, clients, refresh_tokens, lifetime, rotate):
        self.lock = threading.Lock()
        self.clients = clients                  # client_id -> {"secret": str|None, "user": str}
        self.refresh_tokens = refresh_tokens    # token -> {"client_id", "user"}
        self.access_tokens = {}                 # token -> {"user", "exp", "client_id"}
        self.codes = {}                         # code -> {"client_id", "user", "challenge", "redirect_uri"}
        self.lifetime = lifetime
        self.rotate = rotate
        self.stats = {"client_credentials": 0, "refresh_token": 0, "authorization_code": 0, "refused": 0,
                      "introspect_active": 0, "introspect_inactive": 0, "rotations": 0, "expired_by_admin": 0}

    def issue(self, client_id, user):
        token = "at-" + secrets.token_urlsafe(24)
        self.access_tokens[token] = {"user": user, "exp": time.time() + self.lifetime, "client_id": client_id}
        return token


def form(handler):
    length = int(handler.headers.get("Content-Length") or 0)
    raw = handler.rfile.read(length).decode("utf-8")
    return {key: values[0] for key, values in parse_qs(raw, keep_blank_values=True).items()}


class Handler(BaseHTTPRequestHandler):
    state = None

    def log_message(self, fmt, *args):
        sys.stderr.write("token_service: %s %s\n" % (self.command, self.path.split("?")[0]))

    def reply(self, status, body, headers=None):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def refuse(self, status, error, description):
        self.state.stats["refused"] += 1
        self.reply(status, {"error": error, "error_description": description})

    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/authorize":
            return self.reply(404, {"error": "not_found"})
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        state = self.state
        with state.lock:
            client = state.clients.get(query.get("client_id", ""))
            if client is None or query.get("code_challenge_method") != "S256":
                return self.refuse(400, "invalid_request", "unknown client or no PKCE S256")
            code = "code-" + secrets.token_urlsafe(16)
            state.codes[code] = {"client_id": query["client_id"], "user": client["user"],
                                 "challenge": query.get("code_challenge", ""), "redirect_uri": query.get("redirect_uri", "")}
        location = query.get("redirect_uri", "") + "?" + urlencode({"code": code, "state": query.get("state", "")})
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        path = urlparse(self.path).path
        fields = form(self)
        with self.state.lock:
            if path == "/token":
                return self.token(fields)
            if path == "/introspect":
                return self.introspect(fields)
            if path == "/admin":
                return self.admin(fields)
        self.reply(404, {"error": "not_found"})

    def client(self, fields, need_secret):
        client = self.state.clients.get(fields.get("client_id", ""))
        if client is None:
            return None
        if need_secret or client["secret"] is not None and "client_secret" in fields:
            if client["secret"] is None or fields.get("client_secret") != client["secret"]:
                return None
        return client

    def token(self, fields):
        state = self.state
        grant = fields.get("grant_type")
        if grant == "client_credentials":
            client = self.client(fields, need_secret=True)
            if client is None:
                return self.refuse(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
            state.stats["client_credentials"] += 1
            token = state.issue(fields["client_id"], client["user"])
            return self.reply(200, {"token_type": "Bearer", "expires_in": state.lifetime, "access_token": token})
        if grant == "refresh_token":
            client = self.client(fields, need_secret=False)
            record = state.refresh_tokens.get(fields.get("refresh_token", ""))
            if client is None:
                return self.refuse(401, "invalid_client", "unknown client or wrong secret")
            if record is None or record["client_id"] != fields["client_id"]:
                return self.refuse(400, "invalid_grant", "AADSTS70008: The refresh token has expired or is revoked.")
            state.stats["refresh_token"] += 1
            body = {"token_type": "Bearer", "expires_in": state.lifetime, "access_token": state.issue(record["client_id"], record["user"])}
            if state.rotate:
                del state.refresh_tokens[fields["refresh_token"]]
                fresh = "rt-" + secrets.token_urlsafe(24)
                state.refresh_tokens[fresh] = record
                state.stats["rotations"] += 1
                body["refresh_token"] = fresh
            return self.reply(200, body)
        if grant == "authorization_code":
            code = state.codes.pop(fields.get("code", ""), None)
            verifier = fields.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
            if code is None or code["client_id"] != fields.get("client_id") or code["challenge"] != challenge \
                    or code["redirect_uri"] != fields.get("redirect_uri"):
                return self.refuse(400, "invalid_grant", "bad code, verifier or redirect_uri")
            state.stats["authorization_code"] += 1
            refresh = "rt-" + secrets.token_urlsafe(24)
            state.refresh_tokens[refresh] = {"client_id": code["client_id"], "user": code["user"]}
            return self.reply(200, {"token_type": "Bearer", "expires_in": state.lifetime,
                                    "access_token": state.issue(code["client_id"], code["user"]), "refresh_token": refresh})
        return self.refuse(400, "unsupported_grant_type", "grant_type %s" % grant)

    def introspect(self, fields):
        state = self.state
        record = state.access_tokens.get(fields.get("token", ""))
        if record is None or record["exp"] <= time.time():
            state.stats["introspect_inactive"] += 1
            return self.reply(200, {"active": False})
        state.stats["introspect_active"] += 1
        return self.reply(200, {"active": True, "username": record["user"], "client_id": record["client_id"],
                                "exp": int(record["exp"]), "token_type": "Bearer"})

    def admin(self, fields):
        state = self.state
        action = fields.get("action")
        if action == "expire":
            for record in state.access_tokens.values():
                record["exp"] = 0
            state.stats["expired_by_admin"] += 1
        elif action == "rotate":
            state.rotate = fields.get("on", "1") == "1"
        elif action == "revoke_secret":
            state.clients[fields["client_id"]]["secret"] = "revoked-" + secrets.token_urlsafe(8)
        elif action == "set_secret":
            state.clients[fields["client_id"]]["secret"] = fields["secret"]
        elif action == "lifetime":
            state.lifetime = int(fields["seconds"])
        elif action == "revoke_refresh_tokens":
            state.refresh_tokens.clear()
        elif action == "issued":
            return self.reply(200, {"access_tokens": list(state.access_tokens), "refresh_tokens": list(state.refresh_tokens),
                                    "secrets": [c["secret"] for c in state.clients.values() if c["secret"]]})
        elif action != "stats":
            return self.reply(400, {"error": "unknown action"})
        return self.reply(200, dict(state.stats, refresh_tokens=len(state.refresh_tokens), lifetime=state.lifetime))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--client", action="append", default=[], help="ID:SECRET:USER (SECRET may be empty: a public client)")
    parser.add_argument("--refresh-token", action="append", default=[], help="TOKEN:CLIENT_ID:USER")
    parser.add_argument("--lifetime", type=int, default=3600)
    parser.add_argument("--rotate", action="store_true")
    args = parser.parse_args()
    clients = {}
    for entry in args.client:
        client_id, secret, user = entry.split(":", 2)
        clients[client_id] = {"secret": secret or None, "user": user}
    refresh = {}
    for entry in args.refresh_token:
        token, client_id, user = entry.split(":", 2)
        refresh[token] = {"client_id": client_id, "user": user}
    Handler.state = State(clients, refresh, args.lifetime, args.rotate)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    sys.stderr.write("token_service: listening on 127.0.0.1:%d\n" % args.port)
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
