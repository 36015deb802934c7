#!/usr/bin/env python3
"""Checks the servers started by `harness start` behave as Parley's interop tests expect.

Reads PARLEY_INTEROP_* from the environment (`harness selftest` exports them).
Exit status 0 when every check passes; prints one line per check.
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

LT = os.environ["PARLEY_INTEROP_LIBRETRANSLATE_URL"]
LTL = os.environ.get("PARLEY_INTEROP_LIBRETRANSLATE_LIMITED_URL")
API = os.environ["PARLEY_INTEROP_NLLB_API_URL"]
SERVE = os.environ["PARLEY_INTEROP_NLLB_SERVE_URL"]

failures = []


def call(method, url, body=None, ctype=None, form=None):
    data, headers = None, {}
    if form is not None:
        data = urllib.parse.urlencode(form, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = ctype or "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode()


def check(name, got_status, got_ctype, got_body, status, ctype=None, body=None, contains=None, pred=None):
    ok = got_status == status and (ctype is None or got_ctype.startswith(ctype))
    parsed = None
    if ok and body is not None:
        parsed = json.loads(got_body) if isinstance(body, (dict, list)) else got_body
        ok = parsed == body
    if ok and contains is not None:
        ok = contains in got_body
    if ok and pred is not None:
        try:
            ok = bool(pred(json.loads(got_body)))
        except Exception:
            ok = False
    print("%s %s" % ("ok  " if ok else "FAIL", name))
    if not ok:
        print("     got %s %s %s" % (got_status, got_ctype, got_body[:400]))
        failures.append(name)


def t(name, req, **expect):
    check(name, *call(*req[:2], **req[2]) if len(req) > 2 else call(*req), **expect)


J = "application/json"
# ---------------------------------------------------------------- LibreTranslate (main)
t("LT /health", ("GET", LT + "/health"), status=200, ctype=J, body={"status": "ok"})
t("LT /languages", ("GET", LT + "/languages"), status=200, ctype=J,
  pred=lambda v: {l["code"] for l in v} == {"en", "es", "ar", "ga"}
  and all(set(l["targets"]) == {"en", "es", "ar", "ga"} for l in v))
t("LT single", ("POST", LT + "/translate", {"body": {"q": "Hello world", "source": "en", "target": "es"}}),
  status=200, ctype=J, body={"translatedText": "[es] Hello world"})
t("LT single (form)", ("POST", LT + "/translate", {"form": {"q": "Hello world", "source": "en", "target": "ar"}}),
  status=200, ctype=J, body={"translatedText": "[ar] Hello world"})
t("LT two sentences", ("POST", LT + "/translate", {"body": {"q": "Hello world. How are you?", "source": "en", "target": "es"}}),
  status=200, body={"translatedText": "[es] Hello world. [es] How are you?"})
t("LT batch", ("POST", LT + "/translate", {"body": {"q": ["Hello world", "I see the book!"], "source": "en", "target": "ga"}}),
  status=200, body={"translatedText": ["[ga] Hello world", "[ga] I see the book!"]})
t("LT source auto", ("POST", LT + "/translate", {"body": {"q": "Hello world, this is a longer English sentence", "source": "auto", "target": "es"}}),
  status=200, body={"detectedLanguage": {"confidence": 100.0, "language": "en"},
                    "translatedText": "[es] Hello world, this is a longer English sentence"})
t("LT source auto batch", ("POST", LT + "/translate", {"body": {"q": ["Hello world, this is English", "Hola mundo, esto es español"], "source": "auto", "target": "ar"}}),
  status=200, pred=lambda v: isinstance(v["detectedLanguage"], list) and len(v["detectedLanguage"]) == 2
  and v["translatedText"][0] == "[ar] Hello world, this is English")
t("LT html", ("POST", LT + "/translate", {"body": {"q": '<p class="x">Hello <b>world</b></p>', "source": "en", "target": "es", "format": "html"}}),
  status=200, pred=lambda v: v["translatedText"].startswith('<p class="x">') and "<b>" in v["translatedText"]
  and "[es]" in v["translatedText"] and "world" in v["translatedText"])
t("LT pivot es->ga", ("POST", LT + "/translate", {"body": {"q": "Hola", "source": "es", "target": "ga"}}),
  status=200, body={"translatedText": "[ga] [en] Hola"})
t("LT same language", ("POST", LT + "/translate", {"body": {"q": "Hola", "source": "es", "target": "es"}}),
  status=200, body={"translatedText": "Hola"})
t("LT alternatives", ("POST", LT + "/translate", {"body": {"q": "Hello world", "source": "en", "target": "es", "alternatives": 2}}),
  status=200, pred=lambda v: v["translatedText"] == "[es] Hello world" and isinstance(v["alternatives"], list))
t("LT unsupported target", ("POST", LT + "/translate", {"body": {"q": "Hello", "source": "en", "target": "ha"}}),
  status=400, ctype=J, body={"error": "ha is not supported"})
t("LT unsupported source", ("POST", LT + "/translate", {"body": {"q": "Hello", "source": "zz", "target": "es"}}),
  status=400, ctype=J, body={"error": "zz is not supported"})
t("LT missing q", ("POST", LT + "/translate", {"body": {"source": "en", "target": "es"}}),
  status=400, body={"error": "Invalid request: missing q parameter"})
t("LT bad format", ("POST", LT + "/translate", {"body": {"q": "Hello", "source": "en", "target": "es", "format": "markdown"}}),
  status=400, body={"error": "markdown format is not supported"})
t("LT 404 is HTML", ("POST", LT + "/nope", {"body": {}}), status=404, ctype="text/html")
t("LT 405 is HTML", ("GET", LT + "/translate"), status=405, ctype="text/html")
t("LT detect", ("POST", LT + "/detect", {"body": {"q": "Hello there my friend, how are you doing today?"}}),
  status=200, pred=lambda v: v[0]["language"] == "en")

# ---------------------------------------------------------------- LibreTranslate (limits on)
if LTL:
    t("LTL char limit", ("POST", LTL + "/translate", {"body": {"q": "x" * 37, "source": "en", "target": "es"}}),
      status=400, body={"error": "Invalid request: request (37) exceeds text limit (20)"})
    t("LTL batch limit", ("POST", LTL + "/translate", {"body": {"q": ["a", "b", "c"], "source": "en", "target": "es"}}),
      status=400, body={"error": "Invalid request: request (3) exceeds text limit (2)"})
    statuses = [call("POST", LTL + "/translate", {"q": "hi", "source": "en", "target": "es"}) for _ in range(6)]
    check("LTL req limit -> 429 Slowdown", *statuses[-1], status=429, ctype=J,
          body={"error": "Slowdown: 5 per 1 minute"})
    print("     statuses:", [s[0] for s in statuses])

# ---------------------------------------------------------------- NLLB replica: nllb-api 4.x
t("API health", ("GET", API + "/api/health"), status=200, ctype=J,
  body={"schemaVersion": 1, "label": "nllb-api", "message": "online"})
t("API GET", ("GET", API + "/api/v4/translator?text=Hello%20world&source=eng_Latn&target=spa_Latn"),
  status=200, ctype=J, body={"result": "[spa_Latn][eng_Latn] Hello world"})
t("API GET hau->eng", ("GET", API + "/api/v4/translator?text=Sannu&source=hau_Latn&target=eng_Latn"),
  status=200, body={"result": "[eng_Latn][eng_Latn] Sannu"})
t("API POST", ("POST", API + "/api/v4/translator", {"body": {"text": "How are you?", "source": "eng_Latn", "target": "arb_Arab"}}),
  status=200, body={"result": "[arb_Arab][eng_Latn] How are you?"})
t("API POST unicode", ("POST", API + "/api/v4/translator", {"body": {"text": "emoji 😀 ñandú\nмова", "source": "eng_Latn", "target": "ukr_Cyrl"}}),
  status=200, body={"result": "[ukr_Cyrl][eng_Latn] emoji 😀 ñandú\nмова"})
t("API tokens", ("GET", API + "/api/v4/translator/tokens?text=Hello%2C%20world%21"), status=200,
  pred=lambda v: isinstance(v["length"], int) and v["length"] > 3)
t("API language", ("GET", API + "/api/v4/language?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7"), status=200,
  pred=lambda v: v["language"] == "arb_Arab" and list(v) == ["language", "confidence"])
t("API missing text", ("GET", API + "/api/v4/translator?source=eng_Latn&target=spa_Latn"), status=400, ctype=J,
  body={"status_code": 400, "detail": "Missing required query parameter 'text' for path /api/v4/translator?source=eng_Latn&target=spa_Latn"})
t("API invalid enum", ("GET", API + "/api/v4/translator?text=hi&source=xxx_Latn&target=spa_Latn"), status=400,
  body={"status_code": 400, "detail": "Validation failed for GET /api/v4/translator?text=hi&source=xxx_Latn&target=spa_Latn",
        "extra": [{"message": "Invalid enum value 'xxx_Latn'", "key": "source", "source": "query"}]})
t("API empty text", ("GET", API + "/api/v4/translator?text=&source=eng_Latn&target=spa_Latn"), status=400,
  body={"status_code": 400, "detail": "Validation failed for GET /api/v4/translator?text=&source=eng_Latn&target=spa_Latn",
        "extra": [{"message": "Expected `str` of length >= 1", "key": "text", "source": "query"}]})
t("API missing field", ("POST", API + "/api/v4/translator", {"body": {"text": "hi", "source": "eng_Latn"}}), status=400,
  body={"status_code": 400, "detail": "Validation failed for POST /api/v4/translator",
        "extra": [{"message": "Object missing required field `target`", "key": "data", "source": "body"}]})
t("API batch rejected", ("POST", API + "/api/v4/translator", {"body": {"text": ["a", "b"], "source": "eng_Latn", "target": "spa_Latn"}}), status=400,
  body={"status_code": 400, "detail": "Validation failed for POST /api/v4/translator",
        "extra": [{"message": "Expected `str`, got `array`", "key": "text", "source": "body"}]})
t("API malformed JSON", ("POST", API + "/api/v4/translator", {"body": b"{bad"}), status=400,
  body={"status_code": 400, "detail": "JSON is malformed: object keys must be strings (byte 1)"})
t("API too long", ("POST", API + "/api/v4/translator", {"body": {"text": "a" * 4097, "source": "eng_Latn", "target": "spa_Latn"}}), status=400,
  body={"status_code": 400, "detail": "Validation failed for POST /api/v4/translator",
        "extra": [{"message": "Expected `str` of length <= 4096", "key": "text", "source": "body"}]})
t("API 4096 ok", ("POST", API + "/api/v4/translator", {"body": {"text": "a " * 2048, "source": "eng_Latn", "target": "spa_Latn"}}),
  status=200, pred=lambda v: v["result"].startswith("[spa_Latn][eng_Latn] a a"))
t("API 404", ("POST", API + "/api/v3/translate", {"body": {"text": "hi", "source": "eng_Latn", "target": "spa_Latn"}}),
  status=404, ctype=J, body={"status_code": 404, "detail": "Not Found"})
t("API 401", ("DELETE", API + "/api/v4/translator?to_cpu=false"), status=401, ctype=J,
  body={"status_code": 401, "detail": "Unauthorized"})
t("API 405", ("PATCH", API + "/api/v4/translator"), status=405, ctype=J,
  body={"status_code": 405, "detail": "Method Not Allowed"})

# ---------------------------------------------------------------- NLLB replica: nllb-serve
t("SERVE single JSON", ("POST", SERVE + "/translate", {"body": {"source": "Hello world", "src_lang": "eng_Latn", "tgt_lang": "hau_Latn"}}),
  status=200, ctype=J, pred=lambda v: v["translation"] == ["[hau_Latn] Hello world"] and v["source"] == ["Hello world"]
  and v["src_lang"] == "eng_Latn" and v["tgt_lang"] == "hau_Latn" and v["time_units"] == "s"
  and isinstance(v["time_taken"], float))
t("SERVE batch JSON", ("POST", SERVE + "/translate", {"body": {"source": ["Hello world", "Sannu"], "src_lang": "hau_Latn", "tgt_lang": "swh_Latn"}}),
  status=200, pred=lambda v: v["translation"] == ["[swh_Latn] Hello world", "[swh_Latn] Sannu"])
t("SERVE GET batch", ("GET", SERVE + "/translate?source=a&source=b&src_lang=eng_Latn&tgt_lang=gle_Latn"),
  status=200, pred=lambda v: v["translation"] == ["[gle_Latn] a", "[gle_Latn] b"])
t("SERVE form", ("POST", SERVE + "/translate", {"form": {"source": "Hello", "tgt_lang": "spa_Latn"}}),
  status=200, pred=lambda v: v["translation"] == ["[spa_Latn] Hello"] and v["src_lang"] == "eng_Latn")
t("SERVE default tgt kan_Knda", ("POST", SERVE + "/translate", {"body": {"source": "Hello"}}),
  status=200, pred=lambda v: v["tgt_lang"] == "kan_Knda")
t("SERVE cut at 80 tokens", ("POST", SERVE + "/translate", {"body": {"source": "word " * 100, "tgt_lang": "spa_Latn"}}),
  status=200, pred=lambda v: v["translation"][0].startswith("[spa_Latn] word") and len(v["translation"][0]) < 200)
t("SERVE missing source", ("POST", SERVE + "/translate", {"body": {"src_lang": "eng_Latn"}}), status=400,
  ctype="text/html", body="Please submit 'source' parameter")
t("SERVE JSON needs exact content type", ("POST", SERVE + "/translate", {"body": {"source": "x"}, "ctype": "application/json; charset=utf-8"}),
  status=400, body="Please submit 'source' parameter")
t("SERVE 500 HTML", ("POST", SERVE + "/translate", {"body": {"source": [1, 2]}}), status=500, ctype="text/html",
  contains="500 Internal Server Error")
t("SERVE 404 HTML", ("GET", SERVE + "/nope"), status=404, ctype="text/html", contains="404 Not Found")

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
