"""Parley Studio's two numbers that a translator feels, measured in headless Chromium.

  key list interactive  from the start of navigation (a full page load of
                        #/ar/<largest namespace>, signed in) to the moment the rendered list
                        answers the keyboard: the app's `parley:keylist-interactive`
                        performance mark, whose startTime is relative to navigation start.
  save round trip       from the click on Save to the editor showing the new revision
                        (freshness check and QA in parallel, then the PUT), timed inside the
                        page with performance.now().

Each is run 5 times; the median is printed. Run through `run.sh --benchmark`, which starts
Parley and creates the keys (STUDIO_BASE_URL, STUDIO_KEYS).
"""

import sys

import studio_harness as harness
from studio_harness import Api, Page, median

RUNS = 5
LANG = "ar"
SAVE_KEY = ("chat", "formattingToolbar.bold")

SAVE_AND_WAIT = """
const done = arguments[arguments.length - 1];
const editor = document.querySelector('[data-testid=editor]');
const before = editor.dataset.revision;
const start = performance.now();
const observer = new MutationObserver(() => {
  if (editor.dataset.revision !== before) { observer.disconnect(); done(performance.now() - start); }
});
observer.observe(editor, { attributes: true, attributeFilter: ['data-revision'] });
document.querySelector('[data-testid=save]').click();
"""


def main():
    keys = harness.keys()
    writer = Api(keys["writer"])
    catalogs = writer.catalogs()
    largest = max(catalogs["namespaces"], key=lambda ns: ns["languages"].get(LANG, {}).get("keys", 0))
    ns = largest["name"]
    count = largest["languages"][LANG]["keys"]

    driver = harness.make_driver()
    page = Page(driver)
    try:
        page.reset()
        page.sign_in(keys["writer"])
        page.wait_for("[data-testid=dashboard]")

        def measure_list(namespace):
            times, parts = [], []
            for _ in range(RUNS):
                page.open(f"#/{LANG}/{namespace}")
                page.wait_list()
                marks = driver.execute_script(
                    "const at = (n) => performance.getEntriesByName(n)[0].startTime;"
                    "const keys = performance.getEntriesByType('resource').find(e => e.name.includes('/keys'));"
                    "return [at('parley:keylist-interactive'), keys ? keys.startTime : 0, keys ? keys.responseEnd : 0, at('parley:keylist-data')]")
                times.append(marks[0])
                parts.append(marks)
            return times, parts

        list_times, splits = measure_list(ns)
        chat_count = next(n for n in catalogs["namespaces"] if n["name"] == "chat")["languages"][LANG]["keys"]
        chat_times, _ = measure_list("chat")
        # Where the last load spent its time: the slowest requests (start → end, ms).
        slowest = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => [e.name.replace(location.origin, ''),"
            " Math.round(e.startTime), Math.round(e.responseEnd)]).sort((a, b) => b[2] - a[2]).slice(0, 4)")

        save_ns, save_key = SAVE_KEY
        page.open(f"#/{LANG}/{save_ns}/{save_key}")
        page.wait_editor(save_key)
        original = page.field().get_attribute("value")
        save_times = []
        for run in range(RUNS):
            page.set_field(page.field(), f"{original} {'ا' * (run + 1)}")
            save = page.one("[data-testid=save]")
            page.wait(lambda d: save.is_enabled(), message="save enabled")
            driver.set_script_timeout(30)
            save_times.append(driver.execute_async_script(SAVE_AND_WAIT))
        page.set_field(page.field(), original)
        page.wait(lambda d: page.one("[data-testid=save]").is_enabled(), message="save enabled")
        page.one("[data-testid=save]").click()

        print(f"largest namespace: {LANG}/{ns} ({count} keys); runs: {RUNS}")
        print(f"key list runs (ms): {', '.join(f'{t:.0f}' for t in list_times)}")
        print("per run: keys request sent / answered / rows built / interactive (ms): "
              + "; ".join(f"{b:.0f} / {c:.0f} / {d:.0f} / {a:.0f}" for a, b, c, d in splits))
        print("last load, latest requests (start-end ms): " + "; ".join(f"{n} {a}-{b}" for n, a, b in slowest))
        print(f"save runs (ms): {', '.join(f'{t:.0f}' for t in save_times)}")
        print(f"for comparison, {LANG}/chat ({chat_count} keys): key list interactive in {median(chat_times):.0f} ms (median)")
        print(f"key list interactive: {median(list_times):.0f} ms")
        print(f"save round trip: {median(save_times):.0f} ms")
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
