"""What the Studio browser tests and the benchmark share: the running Parley, its API keys,
a small API client, and a headless Chromium driven by Selenium.

run.sh starts everything and passes it in through the environment:

  STUDIO_BASE_URL     http://127.0.0.1:<port> of the Parley under test
  STUDIO_KEYS         a JSON file {"writer": "pk_…", "writer2": …, "reviewer": …, "admin": …}
  STUDIO_SCREENSHOTS  where screenshots go (default: .work/screenshots/ beside this file)
  CHROMIUM, CHROMEDRIVER  the browser and driver (default /usr/bin/chromium, /usr/bin/chromedriver)
"""

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_URL = os.environ.get("STUDIO_BASE_URL", "http://127.0.0.1:8080").rstrip("/")
SCREENSHOTS = os.environ.get("STUDIO_SCREENSHOTS", os.path.join(HERE, ".work", "screenshots"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = float(os.environ.get("STUDIO_WAIT", "10"))


def keys():
    """The API keys run.sh created, by role."""
    with open(os.environ["STUDIO_KEYS"], encoding="utf-8") as f:
        return json.load(f)


# ---- the API, for setting up scenarios and checking what the browser did ----

class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class Api:
    """Parley's translator API with one key (urllib only: no extra packages)."""

    def __init__(self, token=None):
        self.token = token

    def request(self, method, path, body=None, headers=None):
        all_headers = {"Accept": "application/json"}
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        req = urllib.request.Request(BASE_URL + path, data=data, headers=all_headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                raw = response.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = raw.decode("utf-8", "replace")
            raise ApiError(error.code, parsed) from None

    @staticmethod
    def key_path(lang, ns, key):
        q = lambda s: urllib.parse.quote(s, safe="")
        return f"/v1/catalogs/{q(lang)}/{q(ns)}/keys/{q(key)}"

    def me(self):
        return self.request("GET", "/v1/me")

    def catalogs(self):
        return self.request("GET", "/v1/catalogs")

    def keys(self, lang, ns, **filters):
        query = urllib.parse.urlencode({k: v for k, v in filters.items() if v is not None})
        return self.request("GET", f"/v1/catalogs/{lang}/{ns}/keys" + (f"?{query}" if query else ""))

    def key(self, lang, ns, key):
        return self.request("GET", self.key_path(lang, ns, key))

    def save(self, lang, ns, key, value, revision=None):
        if revision is None:
            revision = self.key(lang, ns, key)["revision"]
        return self.request("PUT", self.key_path(lang, ns, key), value, {"If-Match": f'"{revision}"'})

    def served(self, lang, ns):
        """The catalog as the protoimsg client loads it (no key)."""
        return Api().request("GET", f"/locales/{lang}/{ns}.json")


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u061c"))


def plain(text):
    """`text` without bidi controls (the app isolates every interpolated value in FSI…PDI)."""
    return text.translate(BIDI_CONTROLS)


def lookup(document, dotted):
    node = document
    for part in dotted.split("."):
        node = node[part]
    return node


# ---- the browser ----

def browser_missing():
    """A sentence saying what is missing, or None when Chromium and chromedriver are there."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        return "missing " + " and ".join(missing) + " (Debian packages chromium and chromium-driver)"
    return None


def make_driver(width=1400, height=1000, lang="en-US"):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", f"--lang={lang}", "--no-first-run",
                "--disable-search-engine-choice-screen", "--disable-features=Translate,OptimizationHints,MediaRouter"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": f"{lang},{lang.split('-')[0]}"})
    # Everything the page logs (console messages, failed loads, CSP violations) is read back
    # after each test: the Studio must run without a single error.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


class Page:
    """Helpers over one driver for the Studio's pages."""

    def __init__(self, driver):
        self.driver = driver

    # -- navigation --

    def open(self, hash_path="#/"):
        """Loads the app afresh at `hash_path` (a real page load, not a hash change; the tab's
        sessionStorage survives it, as in a reload)."""
        self.driver.get("about:blank")
        self.driver.get(f"{BASE_URL}/studio/{hash_path}")

    def go(self, hash_path):
        """Changes the hash only (no reload), as a click on a link would."""
        self.driver.execute_script("location.hash = arguments[0]", hash_path)

    def reset(self):
        """A clean browser state: no key, no drafts, no preferences."""
        self.driver.get("about:blank")
        self.driver.get(f"{BASE_URL}/studio/")
        self.driver.execute_script("sessionStorage.clear(); localStorage.clear();")
        self.open("#/")

    def sign_in(self, key, then=None):
        self.wait_for("[data-testid=api-key]")
        field = self.one("[data-testid=api-key]")
        field.clear()
        field.send_keys(key)
        self.one("[data-testid=sign-in]").click()
        self.wait_for("[data-testid=identity]")
        if then:
            self.go(then)

    # -- finding --

    def one(self, css, root=None):
        return (root or self.driver).find_element(By.CSS_SELECTOR, css)

    def all(self, css, root=None):
        return (root or self.driver).find_elements(By.CSS_SELECTOR, css)

    def wait(self, condition, timeout=WAIT, message=""):
        def safe(driver):
            try:
                return condition(driver)
            except StaleElementReferenceException:
                return False
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(safe)
        except TimeoutException:
            logged = [e["message"] for e in serious(self.driver.get_log("browser"))]
            shown = self.driver.execute_script("return document.body ? document.body.innerText.slice(0, 300) : ''")
            if os.environ.get("STUDIO_DEBUG"):
                print(self.driver.execute_script("return JSON.stringify({title: document.title, ready: document.readyState, res: performance.getEntriesByType('resource').map(e => [e.name, Math.round(e.startTime), Math.round(e.responseEnd), e.responseStatus])})"))
            raise AssertionError(f"timed out waiting: {message or condition}; url {self.driver.current_url}; page shows {shown!r}"
                                 + (f"; browser log: {logged}" if logged else "")) from None

    def wait_for(self, css, timeout=WAIT):
        return self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, css), timeout, f"an element {css}")[0]

    def wait_gone(self, css, timeout=WAIT):
        self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, css), timeout, f"no element {css}")

    def wait_list(self):
        """Waits for the key list to be rendered and interactive."""
        self.wait_for("[data-testid=key-list][data-ready=true]")
        return self.all("[data-testid=key-row]")

    def wait_editor(self, key=None):
        css = "[data-testid=editor]" + (f'[data-key="{key}"]' if key else "")
        self.wait_for(css + " [data-testid=translation]")
        return self.one(css)

    def field(self, form=None):
        css = "[data-testid=translation]" + (f'[data-form="{form}"]' if form else ":not([data-form])")
        return self.one(css)

    def set_field(self, element, text):
        """Replaces a field's text like a person would (select all, type), firing input events.
        Characters outside what chromedriver can type (bidi controls) are set by script."""
        element.click()
        if any(ord(c) in (0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C) for c in text):
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, text)
        else:
            self.driver.execute_script("arguments[0].select()", element)
            element.send_keys(text if text else "\b")
            if not text:
                self.driver.execute_script(
                    "if (arguments[0].value !== '') { arguments[0].value = '';"
                    " arguments[0].dispatchEvent(new Event('input', {bubbles: true})); }", element)

    def revision(self):
        return int(self.one("[data-testid=editor]").get_attribute("data-revision"))

    def wait_revision(self, revision):
        self.wait(lambda d: self.revision() == revision, message=f"editor at revision {revision}")

    def screenshot(self, name):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        self.driver.save_screenshot(os.path.join(SCREENSHOTS, name))

    # -- the console --

    def console(self):
        """Browser log entries since the last call (reading empties the buffer)."""
        return self.driver.get_log("browser")


def serious(entries, allowed=()):
    """The log entries that are errors or warnings, minus those matching an allowed substring."""
    return [e for e in entries
            if e.get("level") in ("SEVERE", "WARNING")
            and not any(a in e.get("message", "") for a in allowed)]


def median(numbers):
    ordered = sorted(numbers)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def now_ms():
    return time.perf_counter() * 1000
