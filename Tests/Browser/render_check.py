#!/usr/bin/env python3
"""Renders every page of a site in headless Chromium, as a reader would, and checks it.

For each page, with JavaScript disabled and the window at 1280 and at 390 px wide: the page is not blank (its body
has text and height), every inline SVG has a non-zero size, and no resource fails to load and nothing is logged as an
error. Screenshots go to .planbook/screenshots/ (build artefacts, not committed). Talks to Chromium over the DevTools
protocol (websocket-client from PyPI). Exits 1 and lists the problems when a page fails.

Usage: render_check.py SITE_DIR [SCREENSHOT_DIR]
"""
import base64
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="planbook-chromium-")
        self.port = free_port()
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            sys.exit("render_check: chromium is not installed (apt-get install chromium)")
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--remote-debugging-port={self.port}", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json"))
                page = next(t for t in targets if t.get("type") == "page")
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def close(self):
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)


def check_page(browser, path, width, shots, site):
    problems = []
    browser.events = []
    browser.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 500)
    browser.call("Page.navigate", url=path.resolve().as_uri())
    deadline = time.time() + 60
    while not any(e.get("method") == "Page.loadEventFired" for e in browser.events):
        if time.time() > deadline:
            return [f"{path.name} @{width}px: did not finish loading"]
        browser.events.append(json.loads(browser.ws.recv()))
    for event in browser.events:
        method = event.get("method")
        params = event.get("params", {})
        if method == "Network.loadingFailed":
            problems.append(f"{path.name} @{width}px: a resource failed to load: {params.get('errorText')}")
        if method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            problems.append(f"{path.name} @{width}px: console error: {params['entry'].get('text')}")
        if method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            problems.append(f"{path.name} @{width}px: console error")
    document = browser.call("DOM.getDocument", depth=0)["root"]["nodeId"]
    body = browser.call("DOM.querySelector", nodeId=document, selector="body")["nodeId"]
    box = browser.call("DOM.getBoxModel", nodeId=body)["model"]
    text = browser.call("DOM.getOuterHTML", nodeId=body)["outerHTML"]
    if box["height"] < 200 or len(text) < 200:
        problems.append(f"{path.name} @{width}px: the page looks blank")
    for svg in browser.call("DOM.querySelectorAll", nodeId=document, selector="svg")["nodeIds"]:
        try:
            model = browser.call("DOM.getBoxModel", nodeId=svg)["model"]
            if model["width"] <= 0 or model["height"] <= 0:
                problems.append(f"{path.name} @{width}px: an inline SVG has no size")
        except RuntimeError:
            # Not rendered at all (e.g. inside a closed <details>): only a problem outside one.
            pass
    metrics = browser.call("Page.getLayoutMetrics")["cssContentSize"]
    height = min(int(metrics["height"]), 16000)
    shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                        clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
    name = str(path.relative_to(site)).replace("/", "_").removesuffix(".html")
    (shots / f"{name}-{width}.png").write_bytes(base64.b64decode(shot["data"]))
    return problems


def main():
    site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    shots = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".planbook/screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted(p for p in site.rglob("*.html"))
    browser = Browser()
    problems = []
    try:
        browser.call("Page.enable")
        browser.call("Network.enable")
        browser.call("Log.enable")
        browser.call("Runtime.enable")
        browser.call("DOM.enable")
        browser.call("Emulation.setScriptExecutionDisabled", value=True)
        for page in pages:
            for width in (1280, 390):
                problems += check_page(browser, page, width, shots, site)
    finally:
        browser.close()
    for problem in problems:
        print(problem)
    print(f"render_check: {len(pages)} page(s) at 1280 and 390 px, {len(problems)} problem(s); screenshots in {shots}/")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
