"""Parley Studio in a real browser (headless Chromium through Selenium), against a real Parley.

Each test is one thing a translator does. They share one browser (a fresh one per test
costs more than the tests themselves), start from a clean state (no key, no drafts), and
each uses its own keys of the catalog so that no test depends on another having run. After
every test the browser's log must hold no error and no warning: a failed request, a CSP
violation or an uncaught exception fails the test it happened in.

Run through run.sh, which starts Parley, a fake MT server and creates the API keys.
"""

import json
import os
import re
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import studio_harness as harness
from studio_harness import Api, Page, lookup, plain, serious

FSI, PDI = "\u2068", "\u2069"
ROOT = os.path.abspath(os.path.join(harness.HERE, "..", ".."))
STUDIO = os.path.join(ROOT, "Sources", "ParleyServer", "Resources", "studio")

_driver = None


def driver():
    global _driver
    if _driver is None:
        _driver = harness.make_driver()
    return _driver


def tearDownModule():
    if _driver is not None:
        _driver.quit()


class StudioTestCase(unittest.TestCase):
    """Signs nobody in; gives `self.page`, `self.keys` and API clients per role."""

    # Log lines a test expects (substrings), e.g. the 401 of a rejected key.
    allowed_console = ()

    @classmethod
    def setUpClass(cls):
        cls.keys = harness.keys()
        cls.admin = Api(cls.keys["admin"])
        cls.writer = Api(cls.keys["writer"])

    def setUp(self):
        self.page = Page(driver())
        self.page.reset()
        self.page.console()  # drop whatever an earlier test left

    def tearDown(self):
        entries = serious(self.page.console(), self.allowed_console)
        self.assertEqual([], entries, "the browser logged errors or warnings")

    def sign_in(self, role, then=None):
        self.page.sign_in(self.keys[role], then)

    def open_editor(self, role, lang, ns, key):
        self.sign_in(role, f"#/{lang}/{ns}/{key}")
        return self.page.wait_editor(key)


class SignInTests(StudioTestCase):
    def test_scoped_keys_show_who_and_what(self):
        expectations = {
            "writer": ("writer-ar", "Translates: Arabic"),
            "reviewer": ("reviewer-ar", "Reviews: Arabic"),
            "admin": ("admin", "Administrator"),
        }
        for role, (name, rights) in expectations.items():
            with self.subTest(role=role):
                self.page.reset()
                self.sign_in(role)
                identity = plain(self.page.one("[data-testid=identity]").text)
                self.assertIn(f"Signed in as {name}", identity)
                self.assertIn(rights, plain(self.page.one("[data-testid=rights]").text))
                self.page.wait_for("[data-testid=dashboard]")
                # The key stays in this tab's sessionStorage only, never in the URL or localStorage.
                d = self.page.driver
                self.assertEqual(self.keys[role], d.execute_script("return sessionStorage.getItem('parley-studio:api-key')"))
                local = d.execute_script("return JSON.stringify(Object.assign({}, localStorage))")
                self.assertNotIn(self.keys[role], local)
                self.assertNotIn(self.keys[role], d.current_url)
                self.page.one("[data-testid=sign-out]").click()
                self.page.wait_for("[data-testid=api-key]")
                self.assertIsNone(d.execute_script("return sessionStorage.getItem('parley-studio:api-key')"))

    def test_session_survives_reload(self):
        self.sign_in("writer", "#/ar/chat")
        self.page.wait_list()
        self.page.driver.refresh()
        self.page.wait_list()
        self.assertIn("writer-ar", self.page.one("[data-testid=identity]").text)


class RejectedKeyTests(StudioTestCase):
    # Parley answers a wrong key with 401, which Chromium logs as a failed load (one for
    # GET /v1/me, one for the view data asked for in parallel after a reload).
    allowed_console = ("Failed to load resource: the server responded with a status of 401",)

    def test_wrong_key_is_refused(self):
        self.page.wait_for("[data-testid=api-key]").send_keys("pk_" + "x" * 43)
        self.page.one("[data-testid=sign-in]").click()
        message = self.page.wait_for(".form-error:not([hidden])")
        self.assertIn("not accepted", message.text)
        self.assertEqual([], self.page.all("[data-testid=identity]"))

    def test_expired_key_goes_back_to_sign_in(self):
        d = self.page.driver
        d.execute_script("sessionStorage.setItem('parley-studio:api-key', arguments[0])", "pk_" + "y" * 43)
        self.page.open("#/ar/chat")
        self.page.wait_for("[data-testid=api-key]")
        self.assertIn("no longer accepted", self.page.wait_for(".form-error:not([hidden])").text)
        self.assertIsNone(d.execute_script("return sessionStorage.getItem('parley-studio:api-key')"))


class DashboardTests(StudioTestCase):
    FIELDS = {"translated": "translated", "reviewed": "reviewed", "machine": "machine", "untranslated": "untranslated",
              "needs-review": "needsReview", "errors": "errors", "warnings": "warnings"}

    def test_numbers_match_the_api(self):
        self.sign_in("admin")
        self.page.wait_for("[data-testid=dashboard] [data-testid=dashboard-cell]")
        api = self.admin.catalogs()
        cells = {(c.get_attribute("data-lang"), c.get_attribute("data-ns")): c
                 for c in self.page.all("[data-testid=dashboard-cell]")}
        expected = {(lang, ns["name"]) for ns in api["namespaces"] for lang in ns["languages"]}
        self.assertEqual(expected, set(cells))
        for ns in api["namespaces"]:
            for lang, counts in ns["languages"].items():
                cell = cells[(lang, ns["name"])]
                for attribute, field in self.FIELDS.items():
                    self.assertEqual(str(counts.get(field, 0)), cell.get_attribute(f"data-{attribute}"),
                                     f"{lang}/{ns['name']} {field}")
        self.page.screenshot("dashboard.png")

    def test_cell_links_open_filtered_lists(self):
        self.sign_in("writer")
        cell = self.page.wait_for('[data-testid=dashboard-cell][data-lang=ar][data-ns=chat]')
        cell.find_element(By.CSS_SELECTOR, "a.cell-main").click()
        rows = self.page.wait_list()
        self.assertEqual(len(self.writer.keys("ar", "chat")["keys"]), len(rows))
        self.page.go("#/")
        cell = self.page.wait_for('[data-testid=dashboard-cell][data-lang=ar][data-ns=auth]')
        warnings = cell.find_elements(By.CSS_SELECTOR, "a.count.warnings")
        if warnings:  # the shipped Arabic catalogs have QA warnings; each number links to them
            warnings[0].click()
            rows = self.page.wait_list()
            self.assertIn("check=warning", self.page.driver.current_url)
            self.assertEqual(len(self.writer.keys("ar", "auth", check="warning")["keys"]), len(rows))


class KeyListTests(StudioTestCase):
    def test_filter_search_and_open_with_the_keyboard(self):
        self.sign_in("writer", "#/ar/chat")
        rows = self.page.wait_list()
        api_keys = [k["key"] for k in self.writer.keys("ar", "chat")["keys"]]
        self.assertEqual(api_keys, [r.get_attribute("data-key") for r in rows])
        for row in rows[:5]:
            self.assertIn(row.get_attribute("data-state"), ("untranslated", "machine", "translated", "reviewed"))

        search = self.page.one("[data-testid=search]")
        search.send_keys("repl")
        expected = [k["key"] for k in self.writer.keys("ar", "chat", q="repl")["keys"]]
        self.assertTrue(expected)
        self.page.wait(lambda d: [r.get_attribute("data-key") for r in self.page.all("[data-testid=key-row]")] == expected,
                       message="the search result")
        self.assertIn("q=repl", self.page.driver.current_url)

        # State filter: only translated keys (all of them here), a check filter with no match.
        self.page.one('[data-testid=filter-state][value=translated]').click()
        self.page.wait(lambda d: "state=translated" in d.current_url)
        self.page.wait_list()
        Select(self.page.one("[data-testid=filter-check]")).select_by_value("error")
        expected = self.writer.keys("ar", "chat", q="repl", state="translated", check="error")["keys"]
        self.page.wait(lambda d: "check=error" in d.current_url)
        if not expected:
            self.page.wait_for("[data-testid=empty]")
        self.page.one("[data-testid=clear-filters]").click()
        rows = self.page.wait(lambda d: len(self.page.all("[data-testid=key-row]")) == len(api_keys) and self.page.all("[data-testid=key-row]"))

        # Home ↓ ↓ Enter opens the third key; ↑ goes back one.
        self.page.wait(lambda d: d.switch_to.active_element.get_attribute("data-testid") == "key-row", message="a focused row")
        for key in (Keys.HOME, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP):
            self.page.driver.switch_to.active_element.send_keys(key)
        selected = self.page.one('[data-testid=key-row][aria-selected=true]')
        self.assertEqual(api_keys[2], selected.get_attribute("data-key"))
        self.assertEqual(selected, self.page.driver.switch_to.active_element)
        self.page.driver.switch_to.active_element.send_keys(Keys.ENTER)
        self.page.wait_editor(api_keys[2])
        self.assertTrue(self.page.driver.current_url.endswith(f"#/ar/chat/{api_keys[2]}"))
        # Back in the list, the key just opened is still the selected one.
        self.page.one("[data-testid=back-to-list]").click()
        self.page.wait_list()
        self.assertEqual(api_keys[2], self.page.one('[data-testid=key-row][aria-selected=true]').get_attribute("data-key"))


class EditorTests(StudioTestCase):
    def test_edit_and_save_is_served(self):
        self.open_editor("writer", "ar", "chat", "formattingToolbar.bold")
        start = self.page.revision()
        field = self.page.field()
        self.assertEqual("rtl", field.get_attribute("dir"))
        self.assertEqual("ar", field.get_attribute("lang"))
        self.page.set_field(field, "خط عريض")
        save = self.page.one("[data-testid=save]")
        self.page.wait(lambda d: save.is_enabled(), message="save enabled")
        save.click()
        self.page.wait_revision(start + 1)
        self.assertEqual("translated", self.page.one("[data-testid=editor]").get_attribute("data-state"))
        self.assertEqual("خط عريض", lookup(self.writer.served("ar", "chat"), "formattingToolbar.bold"))
        # The draft is gone once saved.
        self.assertEqual(0, self.page.driver.execute_script(
            "return Object.keys(localStorage).filter(k => k.startsWith('parley-studio:draft:')).length"))

    def test_arabic_plural_with_six_forms(self):
        key = "messageItem.replyCount"
        self.open_editor("writer", "ar", "chat", key)
        fields = self.page.all("[data-testid=translation]")
        forms = [f.get_attribute("data-form") for f in fields]
        self.assertEqual(["zero", "one", "two", "few", "many", "other"], forms)
        view = self.writer.key("ar", "chat", key)
        for form, field in zip(view["pluralForms"], fields):
            self.assertEqual("rtl", field.get_attribute("dir"))
            self.assertEqual("ar", field.get_attribute("lang"))
            label = self.page.one(f'label[for="{field.get_attribute("id")}"]').text
            self.assertIn(form["example"], label)
            source = self.page.one(f'[data-testid=source][data-form="{form["category"]}"]').text
            self.assertEqual(form["source"], source)
        # The preview fills {{count}} with each form's example number.
        few_preview = self.page.one('[data-testid=preview][data-form=few]').text
        self.assertIn(next(f["example"] for f in view["pluralForms"] if f["category"] == "few"), few_preview)

        # Bidi controls made visible (the value is unchanged).
        self.page.one("[data-testid=bidi-toggle]").click()
        reveal = self.page.one('[data-testid=bidi-reveal][data-form=few]')
        self.assertTrue(reveal.is_displayed())
        marks = [m.get_attribute("data-control") for m in reveal.find_elements(By.CSS_SELECTOR, ".bidi-mark")]
        self.assertEqual(["FSI", "PDI"], marks)
        self.assertIn(FSI, self.page.field("few").get_attribute("value"))

        new = {
            "zero": "لا توجد ردود",
            "one": "رد واحد",
            "two": "ردان اثنان",
            "few": f"{FSI}{{{{count}}}}{PDI} ردود",
            "many": f"{FSI}{{{{count}}}}{PDI} ردًا",
            "other": f"{FSI}{{{{count}}}}{PDI} رد",
        }
        self.page.set_field(self.page.field("zero"), new["zero"])
        self.page.set_field(self.page.field("two"), new["two"])
        # The placeholder chip inserts {{count}} at the caret, wrapped in FSI…PDI for Arabic.
        many = self.page.field("many")
        self.page.set_field(many, " ردًا")
        self.page.driver.execute_script("arguments[0].setSelectionRange(0, 0)", many)
        self.page.one('[data-testid=placeholder][data-token="{{count}}"]').click()
        self.assertEqual(new["many"], many.get_attribute("value"))
        self.page.screenshot("arabic-editor.png")

        # Ctrl+Enter saves and moves to the next key of the list.
        order = [k["key"] for k in self.writer.keys("ar", "chat")["keys"]]
        following = order[order.index(key) + 1]
        self.page.field("other").send_keys(Keys.CONTROL, Keys.ENTER)
        self.page.wait_editor(following)
        saved = self.writer.key("ar", "chat", key)
        self.assertEqual(new, saved["translation"]["forms"])
        self.assertEqual("translated", saved["state"])
        served = self.writer.served("ar", "chat")["messageItem"]
        for form, text in new.items():
            self.assertEqual(text, served[f"replyCount_{form}"])

    def test_qa_errors_block_saving(self):
        self.open_editor("writer", "ar", "chat", "threadPanel.replyCount")
        before = self.writer.key("ar", "chat", "threadPanel.replyCount")["revision"]
        few = self.page.field("few")
        self.page.set_field(few, "ردود")  # {{count}} dropped from a form for several numbers
        finding = self.page.wait_for('[data-testid=finding][data-severity=error]')
        self.assertTrue(finding.text)
        save = self.page.one("[data-testid=save]")
        self.assertFalse(save.is_enabled())
        self.assertIn("error", self.page.one("[data-testid=save-reason]").text)
        self.assertEqual("true", few.get_attribute("aria-invalid"))
        # Ctrl+Enter does not save either, nor leave the key.
        few.send_keys(Keys.CONTROL, Keys.ENTER)
        self.page.wait_editor("threadPanel.replyCount")
        self.assertEqual(before, self.writer.key("ar", "chat", "threadPanel.replyCount")["revision"])
        # Put it back: the error goes, saving is possible again.
        self.page.set_field(few, f"{FSI}{{{{count}}}}{PDI} ردود جديدة")
        self.page.wait_gone('[data-testid=finding][data-severity=error]')
        self.page.wait(lambda d: save.is_enabled(), message="save enabled again")

    def test_latin_question_mark_in_arabic_is_an_error(self):
        self.open_editor("writer", "ar", "chat", "messageList.empty")
        field = self.page.field()
        self.page.set_field(field, "لا توجد رسائل بعد?")
        finding = self.page.wait_for('[data-testid=finding][data-severity=error]')
        self.assertTrue(finding.text)
        self.assertFalse(self.page.one("[data-testid=save]").is_enabled())

    def test_warnings_show_but_allow_saving(self):
        self.open_editor("writer", "ar", "chat", "formattingToolbar.code")
        start = self.page.revision()
        field = self.page.field()
        self.page.set_field(field, "Code")  # same as the English source: a warning, not an error
        self.page.wait_for('[data-testid=finding][data-severity=warning]')
        save = self.page.one("[data-testid=save]")
        self.page.wait(lambda d: save.is_enabled(), message="save enabled despite warnings")
        save.click()
        self.page.wait_revision(start + 1)
        self.page.wait_for('[data-testid=finding][data-severity=warning]')

    def test_draft_survives_a_reload(self):
        self.open_editor("writer", "ar", "chat", "groupHeader.renameGroup")
        self.page.set_field(self.page.field(), "إعادة تسمية المجموعة الآن")
        self.page.driver.refresh()
        self.page.wait_editor("groupHeader.renameGroup")
        self.page.wait_for("[data-testid=draft-restored]")
        self.assertEqual("إعادة تسمية المجموعة الآن", self.page.field().get_attribute("value"))
        # The list marks the key as having an unsaved draft.
        self.page.one("[data-testid=back-to-list]").click()
        rows = self.page.wait_list()
        marked = [r.get_attribute("data-key") for r in rows if r.find_elements(By.CSS_SELECTOR, "[data-testid=draft]")]
        self.assertEqual(["groupHeader.renameGroup"], marked)
        self.page.driver.back()
        self.page.wait_editor("groupHeader.renameGroup")
        self.page.one("[data-testid=discard-draft]").click()
        self.assertEqual(self.writer.key("ar", "chat", "groupHeader.renameGroup")["translation"]["value"],
                         self.page.field().get_attribute("value"))

    def test_read_only_language_has_no_save(self):
        self.open_editor("writer", "es", "chat", "formattingToolbar.bold")
        self.page.wait_for("[data-testid=read-only]")
        self.assertEqual([], self.page.all("[data-testid=save]"))
        self.assertEqual([], self.page.all("[data-testid=review]"))
        self.assertIsNotNone(self.page.field().get_attribute("readonly"))
        self.assertEqual("ltr", self.page.field().get_attribute("dir"))


class ConflictTests(StudioTestCase):
    def conflict(self, key, mine, theirs):
        self.open_editor("writer", "ar", "chat", key)
        start = self.page.revision()
        self.page.set_field(self.page.field(), mine)
        # Someone else saves through the API meanwhile.
        Api(self.keys["writer2"]).save("ar", "chat", key, {"value": theirs}, start)
        self.page.one("[data-testid=save]").click()
        box = self.page.wait_for("[data-testid=conflict]")
        self.assertIn(theirs, self.page.one("[data-testid=conflict-theirs]").text)
        self.assertIn(mine, self.page.one("[data-testid=conflict-mine]").text)
        self.assertIn("writer2-ar", box.text)
        return start

    def test_keep_mine(self):
        start = self.conflict("formattingToolbar.italic", "خط مائل", "مائل قليلًا")
        self.page.screenshot("conflict.png")
        self.page.one("[data-testid=keep-mine]").click()
        self.page.wait_gone("[data-testid=conflict]")
        self.page.wait_revision(start + 2)
        saved = self.writer.key("ar", "chat", "formattingToolbar.italic")
        self.assertEqual("خط مائل", saved["translation"]["value"])
        self.assertTrue(saved["updatedBy"].startswith("writer-ar"), saved["updatedBy"])

    def test_keep_theirs(self):
        start = self.conflict("formattingToolbar.strikethrough", "خط في الوسط", "شطب")
        self.page.one("[data-testid=keep-theirs]").click()
        self.page.wait_gone("[data-testid=conflict]")
        self.assertEqual("شطب", self.page.field().get_attribute("value"))
        self.assertEqual(start + 1, self.page.revision())
        self.assertEqual(0, self.page.driver.execute_script(
            "return Object.keys(localStorage).filter(k => k.startsWith('parley-studio:draft:')).length"))

    def test_merge(self):
        start = self.conflict("memberMenu.feedback.added", "تمت الإضافة", "أضيف")
        self.page.one("[data-testid=merge]").click()
        merged = self.page.wait_for("[data-testid=merge-field]")
        self.page.set_field(merged, "تمت الإضافة بنجاح")
        self.page.one("[data-testid=save-merged]").click()
        self.page.wait_gone("[data-testid=conflict]")
        self.page.wait_revision(start + 2)
        self.assertEqual("تمت الإضافة بنجاح", self.writer.key("ar", "chat", "memberMenu.feedback.added")["translation"]["value"])


class RaceTests(StudioTestCase):
    # The second save is refused by the server: Chromium logs the 412 as a failed load.
    allowed_console = ("Failed to load resource: the server responded with a status of 412",)

    def test_a_save_racing_another_is_refused_and_shows_the_conflict(self):
        """The other save lands between the app's freshness check and its PUT: only If-Match
        can catch it. A fetch wrapper in the page makes that happen deterministically."""
        key = "buddyList.footer.feed"
        self.open_editor("writer", "ar", "chat", key)
        start = self.page.revision()
        self.page.driver.execute_script("""
            const [other, theirs, key] = arguments;
            const original = window.fetch.bind(window);
            let raced = false;
            window.fetch = async (url, options = {}) => {
              const response = await original(url, options);
              if (!raced && (options.method || 'GET') === 'GET' && String(url).endsWith(`/keys/${key}`)) {
                raced = true;
                const seen = await response.clone().json();
                await original(url, { method: 'PUT', body: JSON.stringify({ value: theirs }),
                  headers: { Authorization: `Bearer ${other}`, 'Content-Type': 'application/json', 'If-Match': `"${seen.revision}"` } });
              }
              return response;
            };""", self.keys["writer2"], "آخر الأخبار", key)
        self.page.set_field(self.page.field(), "الموجز")
        self.page.one("[data-testid=save]").click()
        self.page.wait_for("[data-testid=conflict]")
        self.assertIn("آخر الأخبار", self.page.one("[data-testid=conflict-theirs]").text)
        self.assertEqual(start + 1, self.writer.key("ar", "chat", key)["revision"])
        self.page.one("[data-testid=keep-mine]").click()
        self.page.wait_gone("[data-testid=conflict]")
        self.page.wait_revision(start + 2)
        self.assertEqual("الموجز", self.writer.key("ar", "chat", key)["translation"]["value"])


class SuggestionTests(StudioTestCase):
    def test_machine_and_memory_suggestions_can_be_accepted(self):
        key = "memberMenu.button.title"  # "Options", as buddyMenu.button.title: an exact memory match
        self.open_editor("writer", "ar", "chat", key)
        machine = self.page.wait_for('[data-testid=suggestion][data-kind=machine]', timeout=20)
        self.assertIn("lt", machine.find_element(By.CSS_SELECTOR, "[data-testid=backend]").text)
        self.assertIn("[ar] Options", machine.text)  # what the fake MT server makes of it
        machine.find_element(By.CSS_SELECTOR, "[data-testid=accept-suggestion]").click()
        self.assertEqual("[ar] Options", self.page.field().get_attribute("value"))
        self.assertEqual([], self.page.all("[data-testid=draft-restored]"))

        memory = self.page.wait_for('[data-testid=suggestion][data-kind=memory]')
        self.assertRegex(memory.find_element(By.CSS_SELECTOR, "[data-testid=similarity]").text, r"\d|same")
        expected = self.writer.key("ar", "chat", "buddyMenu.button.title")["translation"]["value"]
        memories = self.page.all('[data-testid=suggestion][data-kind=memory]')
        chosen = next(m for m in memories if expected in m.text)
        chosen.find_element(By.CSS_SELECTOR, "[data-testid=accept-suggestion]").click()
        self.assertEqual(expected, self.page.field().get_attribute("value"))


class HistoryTests(StudioTestCase):
    def test_history_shows_the_edit_and_revert_works(self):
        key = "groupHeader.collapse"
        self.open_editor("writer", "ar", "chat", key)
        original = self.page.field().get_attribute("value")
        start = self.page.revision()
        self.page.set_field(self.page.field(), "طي المجموعة")
        self.page.one("[data-testid=save]").click()
        self.page.wait_revision(start + 1)
        entry = self.page.wait_for(f'[data-testid=history-entry][data-revision="{start + 1}"]')
        self.assertEqual("edit", entry.get_attribute("data-kind"))
        self.assertIn("writer-ar", entry.text)
        self.assertTrue(entry.find_elements(By.CSS_SELECTOR, "ins"), "the diff shows what was added")
        older = self.page.one(f'[data-testid=history-entry][data-revision="{start}"]')
        older.find_element(By.CSS_SELECTOR, "[data-testid=revert]").click()
        self.page.wait_revision(start + 2)
        self.assertEqual(original, self.page.field().get_attribute("value"))
        self.page.wait_for(f'[data-testid=history-entry][data-revision="{start + 2}"][data-kind=revert]')
        self.assertEqual(original, self.writer.key("ar", "chat", key)["translation"]["value"])


class ReviewTests(StudioTestCase):
    def test_writer_sees_no_review_button(self):
        self.open_editor("writer", "ar", "chat", "groupHeader.deleteGroup")
        self.page.wait_for("[data-testid=save]")
        self.assertEqual([], self.page.all("[data-testid=review]"))

    def test_reviewer_marks_reviewed(self):
        self.open_editor("reviewer", "ar", "chat", "groupHeader.deleteGroup")
        review = self.page.wait_for("[data-testid=review]")
        self.page.wait(lambda d: review.is_enabled(), message="review enabled")
        review.click()
        self.page.wait(lambda d: self.page.one("[data-testid=editor]").get_attribute("data-state") == "reviewed",
                       message="state reviewed")
        self.assertEqual("reviewed", self.writer.key("ar", "chat", "groupHeader.deleteGroup")["state"])


class SourceChangeTests(StudioTestCase):
    def test_english_edit_flags_the_translations(self):
        key = "groupHeader.expand"
        self.open_editor("admin", "en", "chat", key)
        start = self.page.revision()
        self.page.set_field(self.page.field(), "Expand group")
        self.page.one("[data-testid=save]").click()
        self.page.wait_revision(start + 1)
        # The Arabic list shows the key as needing review, in its row and with the filter.
        self.page.go("#/ar/chat?needsReview=true")
        rows = self.page.wait_list()
        row = next(r for r in rows if r.get_attribute("data-key") == key)
        row.find_element(By.CSS_SELECTOR, "[data-testid=needs-review]")
        self.page.go("#/")
        cell = self.page.wait_for('[data-testid=dashboard-cell][data-lang=ar][data-ns=chat]')
        self.assertGreaterEqual(int(cell.get_attribute("data-needs-review")), 1)
        # The writer of Arabic sees it in the editor header; saving clears it.
        self.page.one("[data-testid=sign-out]").click()
        self.open_editor("writer", "ar", "chat", key)
        self.page.one("[data-testid=editor] .editor-meta [data-testid=needs-review]")
        # What changed in English is shown as a diff.
        change = self.page.wait_for("[data-testid=source-change]")
        self.assertEqual(["group"], [i.text.strip() for i in change.find_elements(By.CSS_SELECTOR, "ins")])
        save = self.page.one("[data-testid=save]")
        self.page.wait(lambda d: save.is_enabled(), message="save enabled to confirm the translation")
        save.click()
        self.page.wait_gone("[data-testid=editor] .editor-meta [data-testid=needs-review]")
        self.assertFalse(self.writer.key("ar", "chat", key)["needsReview"])


class RightToLeftTests(StudioTestCase):
    def test_arabic_interface_is_right_to_left(self):
        self.sign_in("writer")
        self.page.wait_for("[data-testid=dashboard]")
        Select(self.page.one("[data-testid=ui-language]")).select_by_value("ar")
        d = self.page.driver
        self.page.wait(lambda d: d.execute_script("return document.documentElement.dir") == "rtl", message="dir=rtl")
        self.assertEqual("ar", d.execute_script("return document.documentElement.lang"))
        self.assertEqual("rtl", d.execute_script("return getComputedStyle(document.body).direction"))
        self.assertEqual("ar", d.execute_script("return localStorage.getItem('parley-studio:ui-lang')"))
        # The choice is kept: a reload comes back right-to-left.
        d.refresh()
        self.page.wait_for("[data-testid=dashboard]")
        self.assertEqual("rtl", d.execute_script("return getComputedStyle(document.body).direction"))
        Select(self.page.one("[data-testid=ui-language]")).select_by_value("en")
        self.page.wait(lambda d: d.execute_script("return document.documentElement.dir") == "ltr", message="dir=ltr")


class DefaultLanguageTests(unittest.TestCase):
    def test_interface_language_follows_the_browser(self):
        """A Spanish browser gets the Spanish interface (here with English strings where the
        Spanish ones are missing) without choosing anything."""
        browser = harness.make_driver(lang="es-ES")
        try:
            page = Page(browser)
            page.reset()
            page.wait_for("[data-testid=api-key]")
            self.assertEqual("es", browser.execute_script("return document.documentElement.lang"))
            self.assertEqual("ltr", browser.execute_script("return document.documentElement.dir"))
            self.assertEqual("es", Select(page.one("[data-testid=ui-language]")).first_selected_option.get_attribute("value"))
            self.assertEqual([], serious(page.console()))
        finally:
            browser.quit()


class PageHygieneTests(StudioTestCase):
    def test_every_request_is_same_origin_and_succeeds(self):
        self.open_editor("writer", "ar", "chat", "messageItem.translate")
        self.page.wait_for('[data-testid=suggestion]', timeout=20)
        entries = self.page.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => ({name: e.name, status: e.responseStatus}))")
        for entry in entries:
            self.assertTrue(entry["name"].startswith(harness.BASE_URL + "/"), entry["name"])
            if entry.get("status"):
                self.assertLess(entry["status"], 400, entry["name"])


class StaticTests(unittest.TestCase):
    """Checks on the files themselves (no browser)."""

    def studio_strings(self):
        with open(os.path.join(ROOT, "Catalogs", "en", "studio.json"), encoding="utf-8") as f:
            text = f.read()
        return text, json.loads(text)

    def test_strings_file_is_in_catalog_format(self):
        text, strings = self.studio_strings()
        self.assertEqual(json.dumps(strings, ensure_ascii=False, indent=2) + "\n", text)
        self.assertEqual({"app", "signIn", "dashboard", "keyList", "editor", "qa", "suggestions", "conflict",
                          "history", "states", "errors"}, set(strings))

        def walk(node, path=""):
            for name, value in node.items():
                if isinstance(value, dict):
                    yield from walk(value, f"{path}{name}.")
                else:
                    yield f"{path}{name}", value
        flat = dict(walk(strings))
        for key, value in flat.items():
            self.assertEqual(value.strip(), value, key)
            self.assertNotIn("  ", value, key)
            self.assertNotIn("...", value, f"{key}: use …")
            if key.endswith("_one"):
                self.assertIn(key[:-4] + "_other", flat, key)

    def test_every_string_the_code_uses_exists(self):
        _, strings = self.studio_strings()

        def has(path):
            node = strings
            for part in path.split("."):
                if not isinstance(node, dict):
                    return False
                if part not in node:
                    # plural base: key_one / key_other
                    return isinstance(node, dict) and f"{part}_other" in node
                node = node[part]
            return True
        used = set()
        for name in os.listdir(os.path.join(STUDIO, "js")):
            with open(os.path.join(STUDIO, "js", name), encoding="utf-8") as f:
                source = f.read()
            used |= set(re.findall(r"\bt\('([A-Za-z0-9_.]+)'", source))
            used |= set(re.findall(r"'((?:app|signIn|dashboard|keyList|editor|qa|suggestions|conflict|history|states|errors)\.[A-Za-z0-9_.]+)'", source))
        for dynamic in ("editor.category", "history.kind", "qa.severity"):
            self.assertTrue(has(dynamic), dynamic)
        for state in ("untranslated", "machine", "translated", "reviewed"):
            used.add(f"states.{state}")
        missing = sorted(k for k in used if not has(k))
        self.assertEqual([], missing)

    def test_page_has_nothing_the_csp_would_block(self):
        with open(os.path.join(STUDIO, "index.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)")
        self.assertNotRegex(html, r"\son[a-z]+=")
        self.assertNotRegex(html, r"\sstyle=|<style")
        self.assertNotRegex(html, r"https?://")
        self.assertIn('<link rel="icon" href="data:,">', html)
        modules = sorted(os.listdir(os.path.join(STUDIO, "js")))

        def imports(name, dynamic=False):
            with open(os.path.join(STUDIO, "js", name), encoding="utf-8") as f:
                source = f.read()
            found = re.findall(r"^import [^;]*? from '\./([^']+)';", source, re.M)
            return found + (re.findall(r"import\('\./([^']+)'\)", source) if dynamic else [])

        def closure(entries, dynamic=False):
            seen, todo = [], list(entries)
            while todo:
                name = todo.pop(0)
                if name not in seen:
                    seen.append(name)
                    todo += imports(name, dynamic)
            return sorted(seen)
        preloaded = sorted(re.findall(r'rel="modulepreload" href="/studio/js/([^"]+)"', html))
        # The first views' module graphs are preloaded (no import-by-import discovery) ...
        self.assertEqual(closure(["main.js", "keylist.js", "dashboard.js"]), preloaded)
        # ... and every module is used: reachable from main.js, statically or by a view's import().
        self.assertEqual(modules, closure(["main.js"], dynamic=True))
        for name in modules:
            with open(os.path.join(STUDIO, "js", name), encoding="utf-8") as f:
                source = f.read()
            self.assertTrue(source.startswith(f"// {name} — "), f"{name} starts with its header comment")
            code = re.sub(r"/\*.*?\*/|^\s*//.*$", "", source, flags=re.S | re.M)  # comments may name what code must not do
            found = re.search(r"\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function|\.style\s*=|setAttribute\('style'", code)
            self.assertIsNone(found, f"{name}: {found and found.group(0)}")
            # Nothing is loaded from elsewhere (the one URL is the preview's sample link text).
            self.assertEqual(set(), set(re.findall(r"https?://[^'\s]+", source)) - {"https://example.com"}, name)


if __name__ == "__main__":
    unittest.main()
