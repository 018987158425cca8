"""Debian's headless Chromium driven over the DevTools protocol: cookies, pages, console.

Enough of the protocol for the UI tests (navigate, read the page's text, set a
cookie, take a screenshot, collect console errors and uncaught exceptions),
over the websocket client the stack already pins, so no browser driver is added.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

from websockets.sync.client import connect


class Page:
    """One tab (``with browser.page() as page``); ``errors`` holds every console error and
    uncaught exception seen."""

    def __init__(self, url: str) -> None:
        self._connection = connect(url, max_size=None, open_timeout=20)
        self._ids = itertools.count(1)
        self.errors: list[str] = []

    def __enter__(self) -> Page:
        self._socket = self._connection.__enter__()
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        return self

    def __exit__(self, *exc) -> None:
        self._connection.__exit__(*exc)

    def call(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        ident = next(self._ids)
        self._socket.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self._socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            self.errors.append(" ".join(str(a.get("value", a.get("description", "")))
                                        for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(f"{params['entry'].get('source')}: {params['entry']['text']}")

    def text(self) -> str:
        found = self.call("Runtime.evaluate", {"expression": "document.body.innerText",
                                               "returnByValue": True})
        return found.get("result", {}).get("value") or ""

    def open(self, url: str, until: str, timeout: float = 60) -> str:
        """Navigate and wait until the page's text holds ``until``; return the text."""
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while until not in (text := self.text()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{url}: {until!r} never shown; page says {text[:500]!r}")
            time.sleep(0.5)
        return text

    def screenshot(self, path: Path) -> Path:
        shot = self.call("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


class Chromium:
    """``with Chromium(profile_dir) as browser: page = browser.page()``."""

    def __init__(self, profile: Path, size: str = "1400,900") -> None:
        binary = shutil.which("chromium")
        assert binary, "Debian's chromium is missing: `make test` installs it (make browser)"
        self._process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-port=0", f"--user-data-dir={profile}",
             f"--window-size={size}", "about:blank"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.endpoint = ""
        deadline = time.monotonic() + 30
        while not self.endpoint:
            line = self._process.stderr.readline()
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                self.endpoint = found.group(1)
            assert time.monotonic() < deadline and self._process.poll() is None, line

    def page(self) -> Page:
        port = re.search(r":(\d+)/", self.endpoint).group(1)
        with connect(self.endpoint, open_timeout=20) as browser:
            browser.send(json.dumps({"id": 1, "method": "Target.createTarget",
                                     "params": {"url": "about:blank"}}))
            while True:
                message = json.loads(browser.recv(timeout=20))
                if message.get("id") == 1:
                    break
        target = message["result"]["targetId"]
        return Page(f"ws://127.0.0.1:{port}/devtools/page/{target}")

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *_exc) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
