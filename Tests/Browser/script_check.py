#!/usr/bin/env python3
"""Opens pages in headless Chromium with JavaScript ON and reports, per page, whether any script of the page ran.

For each page: every script Chromium compiles for it (Debugger.scriptParsed: a <script>, an event handler when it
fires, a javascript: URL, a srcdoc frame's script) and every dialog it opens counts (alert, confirm and prompt are made to return at once, so that none blocks the page); after
the load, and a moment for timers and SVG animations, the DOM is scanned for what would run on a click or a hover
— an on… handler, a javascript:/vbscript:/data:text/html URL, an element that runs or embeds active content. The
scan is the checker's own script, told apart by its source URL. Prints one JSON object a line:
{"page": NAME, "scripts": N, "dialogs": N, "active": [...]}. Exits 0 unless the browser fails.

Usage: script_check.py FOLDER   (every *.html under it)
"""
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import websocket  # noqa: E402  (websocket-client)
from render_check import Browser  # noqa: E402

CHECKER = "planbook-script-check"

SCAN = """
(() => {
  const found = [];
  const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster",
                                 "dynsrc", "lowsrc", "srcset", "codebase", "cite", "longdesc", "usemap", "ping"]);
  const activeElements = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                                  "form", "style", "link", "meta", "foreignobject", "animate", "set", "handler"]);
  const scanned = [document];
  for (const frame of document.querySelectorAll("iframe")) {
    try { if (frame.contentDocument) scanned.push(frame.contentDocument); } catch (e) {}
  }
  for (const doc of scanned) {
    for (const element of doc.querySelectorAll("body *")) {
      const name = element.localName.toLowerCase();
      if (activeElements.has(name)) found.push("<" + name + ">");
      for (const attribute of element.attributes) {
        const key = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\\u0000-\\u0020\\u007f]+/g, "").toLowerCase();
        if (key.startsWith("on")) found.push(key + "=");
        if (key === "srcdoc") found.push("srcdoc=");
        if (key === "style" && /expression|javascript|url\\(/.test(value)) found.push("style=" + value.slice(0, 40));
        if (urlAttributes.has(key) && /^(javascript|vbscript|livescript|data:text\\/html|data:image\\/svg)/.test(value))
          found.push(key + "=" + value.slice(0, 40));
      }
    }
  }
  return found;
})()
//# sourceURL=""" + CHECKER


class ScriptBrowser(Browser):
    """Chromium with the page's dialogs dismissed as they open (a dialog left open blocks every later call) and
    counted."""

    def __init__(self):
        super().__init__()
        self.dialogs = 0

    def call(self, method, **params):
        self.next_id += 1
        call_id = self.next_id
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.note(message)

    def note(self, message):
        """Keeps an event; dismisses a dialog at once."""
        self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            self.dialogs += 1
            self.next_id += 1
            self.ws.send(json.dumps({"id": self.next_id, "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": False}}))


def ran_script(browser):
    return browser.dialogs > 0 or any(
        e.get("method") == "Debugger.scriptParsed" and e["params"].get("url") != CHECKER for e in browser.events)


def check(browser, page):
    browser.events = []
    browser.dialogs = 0
    browser.call("Page.navigate", url=page.resolve().as_uri())
    deadline = time.time() + 30
    loaded = None
    while time.time() < deadline:
        if loaded is None and any(e.get("method") == "Page.loadEventFired" for e in browser.events):
            loaded = time.time()
        # A script ran: that is the answer. Else, after the load, a moment for timers, meta refreshes and SVG
        # animations to fire.
        if ran_script(browser) or (loaded is not None and time.time() > loaded + 0.05):
            break
        browser.ws.settimeout(0.05)
        try:
            browser.note(json.loads(browser.ws.recv()))
        except websocket.WebSocketTimeoutException:
            pass
        finally:
            browser.ws.settimeout(60)
    # What a click or a hover would run, when nothing ran by itself.
    active = [] if ran_script(browser) else browser.call(
        "Runtime.evaluate", expression=SCAN, returnByValue=True).get("result", {}).get("value", [])
    scripts = [e for e in browser.events
               if e.get("method") == "Debugger.scriptParsed" and e["params"].get("url") != CHECKER]
    return {"page": str(page), "scripts": len(scripts), "dialogs": browser.dialogs, "active": sorted(set(active)),
            "loaded": loaded is not None or ran_script(browser)}


def blank(browser):
    """Back to a blank page, once it has loaded, so that nothing of the last page runs on into the next."""
    browser.events = []
    browser.call("Page.navigate", url="about:blank")
    deadline = time.time() + 30
    while not any(e.get("method") == "Page.loadEventFired" for e in browser.events):
        if time.time() > deadline:
            sys.exit("script_check: about:blank did not load after a page")
        browser.note(json.loads(browser.ws.recv()))


def main():
    folder = pathlib.Path(sys.argv[1])
    pages = sorted(folder.rglob("*.html"))
    browser = ScriptBrowser()
    try:
        browser.call("Page.enable")
        browser.call("Runtime.enable")
        browser.call("Debugger.enable")
        # A `debugger;` statement must not stop the page (and the checker with it), nor may a dialog: alert,
        # confirm and prompt return at once (the payload's script was seen when it was compiled).
        browser.call("Debugger.setSkipAllPauses", skip=True)
        browser.call("Page.addScriptToEvaluateOnNewDocument",
                     source="window.alert = window.confirm = window.prompt = () => undefined;\n//# sourceURL=" + CHECKER)
        for page in pages:
            print(json.dumps(check(browser, page)), flush=True)
            blank(browser)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
