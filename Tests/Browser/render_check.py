#!/usr/bin/env python3
"""Renders every page of a site in headless Chromium, as a reader would, and checks it.

For each page, with JavaScript disabled and the window at 1280 and at 390 px wide: the page is not blank (its body
has text and height), every inline SVG has a non-zero size, and no resource fails to load and nothing is logged as an
error; the page does not scroll sideways; no table, code block or display formula is wider than its box unless the
box is marked scrollable (and shows it: class scroll-cue, or a formula that scrolls), and at 1280 px only a table the
build found too wide for the text column (table-wide) may need to scroll at all; no text inside an inline figure
renders below 9 px at 1280 px or 7 px at 390 px; and a page with claims opens with its findings: the panel starts
within the first 900 px, and at 1280 px all of it is within them. The page's own scripts stay off; the measurements
are made by the DevTools protocol's evaluation, which the page cannot see. Screenshots go to .planbook/screenshots/
(build artefacts, not committed). Talks to Chromium over the DevTools protocol (websocket-client from PyPI). Exits 1
and lists the problems when a page fails.

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
    problems += [f"{path.name} @{width}px: {problem}" for problem in measure(browser, width)]
    metrics = browser.call("Page.getLayoutMetrics")["cssContentSize"]
    height = min(int(metrics["height"]), 16000)
    shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                        clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
    name = str(path.relative_to(site)).replace("/", "_").removesuffix(".html")
    (shots / f"{name}-{width}.png").write_bytes(base64.b64decode(shot["data"]))
    return problems


# Measured in the page by DevTools' evaluation (the page's own scripts are off). Returns a list of problems.
MEASURE = r"""
(() => {
  const problems = [];
  const width = innerWidth;
  const doc = document.documentElement;
  if (doc.scrollWidth > width + 1) problems.push(`the page scrolls sideways: ${doc.scrollWidth} px wide`);
  const shown = el => el.getClientRects().length > 0;
  for (const table of document.querySelectorAll('table')) {
    if (!shown(table)) continue;
    const box = table.closest('.table-scroll') || table.parentElement;
    const needs = table.getBoundingClientRect().width > box.clientWidth + 1;
    if (needs && !box.classList.contains('scroll-cue'))
      problems.push(`a table is wider than its box, which does not say it scrolls: ${(table.querySelector('caption') || table).textContent.slice(0, 60)}`);
    if (needs && width >= 1280 && !box.classList.contains('table-wide'))
      problems.push(`a table scrolls at ${width} px though the build found it fits: ${(table.querySelector('caption') || table).textContent.slice(0, 60)}`);
    const outer = box.getBoundingClientRect();
    if (outer.right > width + 1) problems.push(`a table's box runs off the page: ${Math.round(outer.right)} px`);
  }
  for (const pre of document.querySelectorAll('pre')) {
    if (!shown(pre)) continue;
    if (pre.scrollWidth > pre.clientWidth + 1 && !pre.classList.contains('scroll-cue'))
      problems.push(`a code block is wider than its box: ${pre.textContent.slice(0, 60)}`);
    if (pre.getBoundingClientRect().right > width + 1) problems.push(`a code block runs off the page`);
  }
  for (const math of document.querySelectorAll('.katex-display')) {
    if (!shown(math)) continue;
    const scrolls = getComputedStyle(math).overflowX === 'auto';
    if (math.scrollWidth > math.clientWidth + 1 && !scrolls)
      problems.push(`a display formula is wider than its box: ${math.textContent.slice(0, 60)}`);
    if (math.getBoundingClientRect().right > width + 1) problems.push(`a display formula runs off the page`);
  }
  let smallest = Infinity, where = '';
  for (const text of document.querySelectorAll('figure svg text')) {
    if (!shown(text) || !text.textContent.trim()) continue;
    const ctm = text.getScreenCTM();
    if (!ctm) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b);
    if (size < smallest) { smallest = size; where = `${text.closest('figure').id}: "${text.textContent.slice(0, 30)}"`; }
  }
  const floor = width >= 1280 ? 9 : 7;
  if (smallest < floor - 0.05) problems.push(`text in a figure renders at ${smallest.toFixed(1)} px, under ${floor} px (${where})`);
  const findings = document.querySelector('.pb-findings');
  if (document.querySelector('.claim') && !findings) problems.push('the page has claims but no findings panel');
  if (findings) {
    const box = findings.getBoundingClientRect();
    const top = box.top + scrollY, bottom = box.bottom + scrollY;
    if (top > 900) problems.push(`the findings start at ${Math.round(top)} px, below the first 900`);
    if (width >= 1280 && bottom > 900) problems.push(`the findings end at ${Math.round(bottom)} px: not every claim's verdict is on the first screen`);
  }
  return JSON.stringify({problems, smallest: Number.isFinite(smallest) ? smallest : null});
})()
"""


def measure(browser, width):
    result = browser.call("Runtime.evaluate", expression=MEASURE, returnByValue=True)
    if "exceptionDetails" in result:
        return [f"the measurements failed: {result['exceptionDetails'].get('text')}"]
    return json.loads(result["result"]["value"])["problems"]


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
