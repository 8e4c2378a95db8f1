"""Real nginx for hosting tests: ``/usr/sbin/nginx`` on 127.0.0.1, foreground, all state in a tmp dir.

A *template* is an nginx config fragment for the ``http {}`` context — the shape of a
file dropped into ``/etc/nginx/conf.d/`` — usually one ``server {}`` block. Placeholders
``{{name}}`` are replaced before nginx sees it (nginx's own ``$variables`` are untouched);
an unknown placeholder is an error. Available names:

=================  ==========================================================
``listen``         ``127.0.0.1:PORT`` (use as ``listen {{listen}};``)
``host``           ``127.0.0.1``
``port``           the free port picked for this server
``root``           absolute site root directory, no trailing slash
``prefix``         URL prefix with leading and trailing slash, e.g. ``/dangjian/``
``prefix_noslash`` the prefix without its trailing slash (``/dangjian``; empty for ``/``)
``tmp``            the server's private tmp dir (pid, logs, temp paths live there)
``main``           the standard main-context directives (only for ``wrap=False``)
``http``           the standard http-context directives (only for ``wrap=False``)
=================  ==========================================================
plus any extra keyword variables given to ``NginxServer`` / the fixture.

With ``wrap=True`` (default) the harness writes the surrounding ``nginx.conf``:
``daemon off``, ``pid``/``error_log`` in tmp, ``user root`` only when running as root,
``events {}``, and ``http { include /etc/nginx/mime.types; temp paths; access_log;
<your template> }``. With ``wrap=False`` the template is the whole config and should
use ``{{main}}`` and ``{{http}}``.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional

from . import require

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
MINIMAL_TEMPLATE = Path(__file__).with_name("nginx-minimal.conf.template")
HOST = "127.0.0.1"

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def missing_prerequisite() -> Optional[str]:
    """Why nginx cannot run here, or None if it can."""
    if not (NGINX.exists() and os.access(NGINX, os.X_OK)):
        return f"{NGINX} not found: install Debian package 'nginx' (apt-get install nginx)"
    if not MIME_TYPES.is_file():
        return f"{MIME_TYPES} not found: install Debian package 'nginx'"
    return None


def require_nginx() -> None:
    reason = missing_prerequisite()
    if reason:
        require(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def normalize_prefix(prefix: str) -> str:
    prefix = "/" + prefix.strip("/")
    return prefix if prefix == "/" else prefix + "/"


def render(template: str, variables: dict) -> str:
    """Replace ``{{name}}`` placeholders; unknown names raise ``KeyError``."""

    def sub(match):
        name = match.group(1)
        if name not in variables:
            raise KeyError(f"nginx template placeholder {{{{{name}}}}} has no value; "
                           f"known: {', '.join(sorted(variables))}")
        return str(variables[name])

    return _PLACEHOLDER.sub(sub, template)


class NginxError(RuntimeError):
    pass


class NginxServer:
    """One nginx process serving ``root`` under ``prefix`` on 127.0.0.1.

    Use as a context manager, or call ``start()`` / ``stop()``. Attributes once
    started: ``url`` (e.g. ``http://127.0.0.1:PORT/dangjian/``), ``origin``
    (``http://127.0.0.1:PORT``), ``port``, ``config_path``, ``config`` (rendered
    text), ``error_log``, ``access_log``, ``tmp``.
    """

    def __init__(self, template, root, tmp, prefix: str = "/", wrap: bool = True,
                 startup_timeout: float = 10.0, **variables):
        self.template_path = Path(template)
        self.root = Path(root).resolve()
        self.tmp = Path(tmp).resolve()
        self.prefix = normalize_prefix(prefix)
        self.wrap = wrap
        self.startup_timeout = startup_timeout
        self.extra = variables
        self.port: Optional[int] = None
        self.process: Optional[subprocess.Popen] = None
        self.error_log = self.tmp / "logs" / "error.log"
        self.access_log = self.tmp / "logs" / "access.log"
        self.config_path = self.tmp / "nginx.conf"
        self.config = ""

    # ------------------------------------------------------------------ urls
    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def url_for(self, path: str = "") -> str:
        """URL of ``path`` relative to the prefix (``url_for("a/b.html")``)."""
        return self.url + path.lstrip("/")

    # -------------------------------------------------------------- config
    def _variables(self, port: int) -> dict:
        t = self.tmp
        main = "\n".join([
            "daemon off;",
            "master_process on;",
            "worker_processes 1;",
            f"pid {t}/nginx.pid;",
            f"error_log {self.error_log} info;",
            # Without "user", a root master runs workers as nobody, who cannot read
            # pytest's 0700 tmp dirs. As non-root the directive is ignored anyway.
            "user root;" if os.geteuid() == 0 else "",
        ])
        http = "\n".join([
            f"include {MIME_TYPES};",
            "default_type application/octet-stream;",
            f"access_log {self.access_log};",
            f"client_body_temp_path {t}/client_body;",
            f"proxy_temp_path {t}/proxy;",
            f"fastcgi_temp_path {t}/fastcgi;",
            f"uwsgi_temp_path {t}/uwsgi;",
            f"scgi_temp_path {t}/scgi;",
        ])
        variables = {
            "listen": f"{HOST}:{port}",
            "host": HOST,
            "port": port,
            "root": str(self.root),
            "prefix": self.prefix,
            "prefix_noslash": self.prefix.rstrip("/"),
            "tmp": str(t),
            "main": main,
            "http": http,
        }
        variables.update(self.extra)
        return variables

    def _render_config(self, port: int) -> str:
        variables = self._variables(port)
        body = render(self.template_path.read_text(encoding="utf-8"), variables)
        if not self.wrap:
            return body
        indented = "\n".join("    " + line if line.strip() else line for line in body.splitlines())
        return (
            f"# rendered by tests/support/nginx.py from {self.template_path}\n"
            f"{variables['main']}\n\n"
            "events {\n    worker_connections 64;\n}\n\n"
            "http {\n"
            + "\n".join("    " + line for line in variables["http"].splitlines())
            + "\n\n" + indented + "\n}\n"
        )

    # ----------------------------------------------------------- lifecycle
    def start(self) -> "NginxServer":
        require_nginx()
        (self.tmp / "logs").mkdir(parents=True, exist_ok=True)
        last_error = ""
        for _attempt in range(5):  # a picked free port can be taken before nginx binds it
            self.port = free_port()
            self.config = self._render_config(self.port)
            self.config_path.write_text(self.config, encoding="utf-8")
            self.error_log.write_text("", encoding="utf-8")
            self.process = subprocess.Popen(
                [str(NGINX), "-p", f"{self.tmp}/", "-e", str(self.error_log),
                 "-c", str(self.config_path)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self._wait_ready()
                return self
            except NginxError as exc:
                last_error = str(exc)
                self.stop()
                if "Address already in use" not in last_error:
                    break
        raise NginxError(last_error)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out = self.process.stdout.read().decode(errors="replace") if self.process.stdout else ""
                raise NginxError(
                    f"nginx exited with status {self.process.returncode} on start.\n"
                    f"output:\n{out}\nerror log:\n{self.error_log_text()}\n"
                    f"config {self.config_path}:\n{self.config}")
            try:
                with socket.create_connection((HOST, self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise NginxError(f"nginx did not answer on {HOST}:{self.port} within "
                         f"{self.startup_timeout}s.\nerror log:\n{self.error_log_text()}")

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            if proc is not None and proc.stdout:
                proc.stdout.close()
            return
        # SIGQUIT = graceful shutdown, SIGTERM = fast, then SIGKILL for the whole group.
        for sig, wait in ((signal.SIGQUIT, 5), (signal.SIGTERM, 5)):
            try:
                proc.send_signal(sig)
                proc.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
            except ProcessLookupError:
                break
        else:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=5)
        if proc.stdout:
            proc.stdout.close()

    def __enter__(self) -> "NginxServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------- helpers
    def error_log_text(self) -> str:
        try:
            return self.error_log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def access_log_text(self) -> str:
        try:
            return self.access_log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def get(self, path_or_url: str = "", headers: Optional[dict] = None):
        """Plain HTTP GET without following redirects.

        ``path_or_url``: absolute URL, absolute path (``/x``, from the server root)
        or a path relative to the prefix. Returns ``(status, headers, body_bytes)``.
        """
        if path_or_url.startswith("http://"):
            url = path_or_url
        elif path_or_url.startswith("/"):
            url = self.origin + path_or_url
        else:
            url = self.url_for(path_or_url)

        class _NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
        request = urllib.request.Request(url, headers=headers or {})
        try:
            with opener.open(request, timeout=10) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as err:
            body = err.read()
            return err.code, err.headers, body

    def __repr__(self) -> str:
        return f"<NginxServer {self.url if self.port else '(not started)'} root={self.root}>"
