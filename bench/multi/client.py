"""A browser for the harness: one cookie jar, any server (a gunicorn port or nginx over TLS).

Every request carries the site's host name, as nginx passes it on, so a session or CSRF cookie
set by one server is sent to the other. Hitting gunicorn directly, the client plays the proxy:
X-Forwarded-Proto https and X-Forwarded-For with the resident's address (loopback is in
TRUSTED_PROXIES), the headers nginx sets.
"""

import http.client
import re
import secrets
import ssl
from html.parser import HTMLParser
from urllib.parse import urlencode

HOST = "feedback.multi.test"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Server:
    def __init__(self, name, port, tls=False):
        self.name, self.port, self.tls = name, port, tls

    def connection(self, timeout):
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # self-signed
            return http.client.HTTPSConnection(
                "127.0.0.1", self.port, timeout=timeout, context=context
            )
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)


class Reply:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.location = headers.get("location", "")

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    def __init__(self, address="10.0.0.1", timeout=30):
        self.address, self.timeout, self.cookies = address, timeout, {}

    def request(self, server, method, path, *, fields=None, files=None, headers=None):
        """One request; raises OSError when the server can't be reached."""
        sent = {"Host": HOST, **(headers or {})}
        if not server.tls:
            sent.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address})
        else:
            sent["X-Forwarded-For"] = self.address
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files:
            body, sent["Content-Type"] = _multipart(fields or {}, files)
        elif fields is not None:
            body = urlencode(fields, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "POST":
            sent.update({"Origin": f"https://{HOST}", "Referer": f"https://{HOST}{path}"})
        connection = server.connection(self.timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            reply = connection.getresponse()
            content = reply.read()
        finally:
            connection.close()
        for header, value in reply.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Reply(reply.status, {k.lower(): v for k, v in reply.getheaders()}, content)

    def get(self, server, path):
        return self.request(server, "GET", path)

    def post_form(self, server, path, fields, *, files=None, form_server=None):
        """GET the form (from `form_server`, else the same server), then POST it with its CSRF
        token and hidden fields, plus `fields`."""
        page = self.get(form_server or server, path)
        found = dict(_hidden_inputs(page.text))
        return self.request(server, "POST", path, fields={**found, **fields}, files=files)


def _hidden_inputs(html):
    reader = _HiddenInputs()
    reader.feed(html)
    return reader.found


class _HiddenInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.found.append((attrs["name"], attrs.get("value") or ""))


def _multipart(fields, files):
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
