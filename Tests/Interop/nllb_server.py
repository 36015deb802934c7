#!/usr/bin/env python3
"""Parley interop harness: an NLLB server replica on a real CTranslate2 engine.

It runs the tiny NLLB-architecture model built by build_models.py through CTranslate2 and
answers two protocols, each on its own port (like the real servers, which never share one):

* winstxnhdw/nllb-api 4.x  (--api-port):   /api/health, /api/v4/translator (GET, POST),
  /api/v4/translator/tokens, /api/v4/language; litestar-style JSON errors
  ({"status_code","detail","extra":[{"message","key","source"}]}, JSON 404/405, 401 on
  DELETE/PUT, 500 {"detail":"Internal Server Error"}). Validation runs through msgspec,
  the library nllb-api uses, so the messages are the real ones.
  Like nllb-api 4.2 it encodes (source, eng_Latn, pieces..., </s>) - the tokenizer's
  default source token comes a second time - so a copy model answers
  "[spa_Latn][eng_Latn] Hello world", exactly as in the recorded transcript.
* thammegowda/nllb-serve (--serve-port):  GET|POST /translate with `source` (string or
  list: a batch, decoded in one padded call), `src_lang`, `tgt_lang` (defaults eng_Latn ->
  kan_Knda); JSON only when Content-Type is exactly application/json; output cut at 80
  tokens (HF max_length=80); plain-text 400, Flask-style HTML 400/404/405/500.

Built on http.server (ThreadingHTTPServer, Nagle off) to stay dependency-free.
"""
import argparse
import json
import re
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Annotated, List, Literal
from urllib.parse import parse_qs, urlsplit

import ctranslate2
import msgspec
import sentencepiece as spm

FLORES_200 = (
    "ace_Arab ace_Latn acm_Arab acq_Arab aeb_Arab afr_Latn ajp_Arab aka_Latn amh_Ethi apc_Arab "
    "arb_Arab arb_Latn ars_Arab ary_Arab arz_Arab asm_Beng ast_Latn awa_Deva ayr_Latn azb_Arab "
    "azj_Latn bak_Cyrl bam_Latn ban_Latn bel_Cyrl bem_Latn ben_Beng bho_Deva bjn_Arab bjn_Latn "
    "bod_Tibt bos_Latn bug_Latn bul_Cyrl cat_Latn ceb_Latn ces_Latn cjk_Latn ckb_Arab crh_Latn "
    "cym_Latn dan_Latn deu_Latn dik_Latn dyu_Latn dzo_Tibt ell_Grek eng_Latn epo_Latn est_Latn "
    "eus_Latn ewe_Latn fao_Latn fij_Latn fin_Latn fon_Latn fra_Latn fur_Latn fuv_Latn gla_Latn "
    "gle_Latn glg_Latn grn_Latn guj_Gujr hat_Latn hau_Latn heb_Hebr hin_Deva hne_Deva hrv_Latn "
    "hun_Latn hye_Armn ibo_Latn ilo_Latn ind_Latn isl_Latn ita_Latn jav_Latn jpn_Jpan kab_Latn "
    "kac_Latn kam_Latn kan_Knda kas_Arab kas_Deva kat_Geor knc_Arab knc_Latn kaz_Cyrl kbp_Latn "
    "kea_Latn khm_Khmr kik_Latn kin_Latn kir_Cyrl kmb_Latn kmr_Latn kon_Latn kor_Hang lao_Laoo "
    "lij_Latn lim_Latn lin_Latn lit_Latn lmo_Latn ltg_Latn ltz_Latn lua_Latn lug_Latn luo_Latn "
    "lus_Latn lvs_Latn mag_Deva mai_Deva mal_Mlym mar_Deva min_Arab min_Latn mkd_Cyrl plt_Latn "
    "mlt_Latn mni_Beng khk_Cyrl mos_Latn mri_Latn mya_Mymr nld_Latn nno_Latn nob_Latn npi_Deva "
    "nso_Latn nus_Latn nya_Latn oci_Latn gaz_Latn ory_Orya pag_Latn pan_Guru pap_Latn pes_Arab "
    "pol_Latn por_Latn prs_Arab pbt_Arab quy_Latn ron_Latn run_Latn rus_Cyrl sag_Latn san_Deva "
    "sat_Olck scn_Latn shn_Mymr sin_Sinh slk_Latn slv_Latn smo_Latn sna_Latn snd_Arab som_Latn "
    "sot_Latn spa_Latn als_Latn srd_Latn srp_Cyrl ssw_Latn sun_Latn swe_Latn swh_Latn szl_Latn "
    "tam_Taml tat_Cyrl tel_Telu tgk_Cyrl tgl_Latn tha_Thai tir_Ethi taq_Latn taq_Tfng tpi_Latn "
    "tsn_Latn tso_Latn tuk_Latn tum_Latn tur_Latn twi_Latn tzm_Tfng uig_Arab ukr_Cyrl umb_Latn "
    "urd_Arab uzn_Latn vec_Latn vie_Latn war_Latn wol_Latn xho_Latn ydd_Hebr yor_Latn yue_Hant "
    "zho_Hans zho_Hant zsm_Latn zul_Latn").split()

Language = Literal[tuple(FLORES_200)]  # type: ignore[valid-type]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4096)]
QueryText = Annotated[str, msgspec.Meta(min_length=1)]


class Translation(msgspec.Struct):
    text: Text
    source: Language
    target: Language


class TranslationQuery(msgspec.Struct):
    text: QueryText
    source: Language = "eng_Latn"
    target: Language = "spa_Latn"


class TextQuery(msgspec.Struct):
    text: QueryText


class TextBody(msgspec.Struct):
    text: Text


HTML_PAGES = {
    400: ("Bad Request", "The browser (or proxy) sent a request that this server could not understand."),
    404: ("Not Found", "The requested URL was not found on the server. If you entered the URL "
                       "manually please check your spelling and try again."),
    405: ("Method Not Allowed", "The method is not allowed for the requested URL."),
    500: ("Internal Server Error", "The server encountered an internal error and was unable to "
                                   "complete your request. Either the server is overloaded or "
                                   "there is an error in the application."),
}


def werkzeug_page(status):
    title, text = HTML_PAGES[status]
    return ("<!doctype html>\n<html lang=en>\n<title>%d %s</title>\n<h1>%s</h1>\n<p>%s</p>\n"
            % (status, title, title, text))


class Engine:
    SPECIAL = {"<s>", "</s>", "<pad>", "<unk>"}

    def __init__(self, model_dir, inter_threads, no_repeat_ngram_size):
        self.sp = spm.SentencePieceProcessor(model_file=model_dir + "/sentencepiece.model")
        self.translator = ctranslate2.Translator(model_dir + "/model", device="cpu",
                                                 inter_threads=inter_threads, intra_threads=1)
        with open(model_dir + "/languages.json") as f:
            self.model_langs = set(json.load(f))
        self.special = self.SPECIAL | set(FLORES_200)
        self.no_repeat_ngram_size = no_repeat_ngram_size

    def pieces(self, text):
        return self.sp.encode(text, out_type=str)

    def decode(self, tokens):
        return self.sp.decode_pieces([t for t in tokens if t not in self.special])

    def count_tokens(self, text):
        # nllb-api: len(tokenizer.encode(text)) + 1, the encoding being [eng_Latn, pieces, </s>]
        return len(self.pieces(text)) + 2 + 1

    def translate_api(self, text, source, target):
        # nllb-api 4.2: (source, *tokeniser.encode(text).tokens) -> the default source token twice
        tokens = [source, "eng_Latn"] + self.pieces(text) + ["</s>"]
        results = self.translator.generate_tokens(
            tokens, [target], max_decoding_length=4096,
            no_repeat_ngram_size=self.no_repeat_ngram_size, suppress_sequences=[[target]])
        return self.decode([r.token for r in results if not r.is_last])

    def translate_serve(self, sources, src_lang, tgt_lang):
        batch = [[src_lang] + self.pieces(s) + ["</s>"] for s in sources]
        # HF generate(max_length=80) counts the decoder start token; CTranslate2 does not.
        results = self.translator.translate_batch(
            batch, target_prefix=[[tgt_lang]] * len(batch), max_decoding_length=79,
            beam_size=1, max_batch_size=0)
        return [self.decode(r.hypotheses[0]) for r in results]


def guess_language(text):
    t = text.lower()
    words = set(re.findall(r"\w+", t))
    if re.search(r"[\u0600-\u06ff]", t):
        return "arb_Arab", 0.93
    if re.search(r"[\u0400-\u04ff]", t):
        return ("ukr_Cyrl", 0.91) if re.search(r"[іїєґ]", t) else ("rus_Cyrl", 0.92)
    for code, hints in (("hau_Latn", {"sannu", "yaya", "gode", "lafiya", "kake"}),
                        ("swh_Latn", {"habari", "jambo", "asante", "sana", "rafiki"}),
                        ("gle_Latn", {"dia", "duit", "conas", "atá", "agus", "slán", "maith"}),
                        ("spa_Latn", {"hola", "el", "la", "que", "es", "mundo", "gracias", "cómo"})):
        if words & hints:
            return code, 0.88
    if re.search(r"[ñ¿¡]", t):
        return "spa_Latn", 0.8
    return "eng_Latn", 0.95


class BaseHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sys_version = ""
    engine: Engine = None

    def log_message(self, fmt, *args):
        sys.stderr.write("%s [%s] %s\n" % (self.log_date_time_string(), self.server_name_tag, fmt % args))

    def read_body(self):
        """The request body, read once (later calls return the same bytes)."""
        if getattr(self, "_body", None) is None:
            self._body = self._read_body_raw()
        return self._body

    def _read_body_raw(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def send(self, status, body, content_type, extra_headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra_headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        raise NotImplementedError

    def do_GET(self):
        self._body = None
        try:
            self.handle_any()
        finally:
            # A route that answers without reading the body (404, 405, ...) must still consume
            # it, or its bytes would be parsed as the next request on this keep-alive connection.
            try:
                self.read_body()
            except Exception:
                self.close_connection = True

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET


# --------------------------------------------------------------------------- nllb-api 4.x
class ApiHandler(BaseHandler):
    server_version = "nllb-api-replica"
    server_name_tag = "nllb-api"
    ROUTES = {
        "/api/health": {"GET"},
        "/api/v4/translator": {"GET", "POST", "DELETE", "PUT"},
        "/api/v4/translator/tokens": {"GET", "POST"},
        "/api/v4/language": {"GET"},
    }

    def json(self, status, obj, extra_headers=()):
        self.send(status, json.dumps(obj, ensure_ascii=False, separators=(",", ":")),
                  "application/json", extra_headers)

    def error(self, status, detail, extra=None):
        obj = {"status_code": status, "detail": detail}
        if extra is not None:
            obj["extra"] = extra
        self.json(status, obj)

    def validation_failed(self, exc, source, key_if_root):
        msg = str(exc)
        key = key_if_root
        m = re.match(r"^(.*) - at `\$\.?([^`]*)`$", msg)
        if m:
            msg, key = m.group(1), m.group(2) or key_if_root
        self.error(400, "Validation failed for %s %s" % (self.command, self.path),
                   [{"message": msg, "key": key, "source": source}])

    def query(self, struct):
        q = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        args = {k: v[-1] for k, v in q.items()}
        fields = struct.__struct_fields__
        required = fields[:len(fields) - len(struct.__struct_defaults__)]
        for field in required:
            if field not in args:
                self.error(400, "Missing required query parameter '%s' for path %s" % (field, self.path))
                return None
        try:
            return msgspec.convert({k: v for k, v in args.items() if k in struct.__struct_fields__}, struct)
        except msgspec.ValidationError as e:
            self.validation_failed(e, "query", "data")
            return None

    def body(self, struct):
        raw = self.read_body()
        try:
            return msgspec.json.decode(raw, type=struct)
        except msgspec.ValidationError as e:
            self.validation_failed(e, "body", "data")
        except msgspec.DecodeError as e:
            self.error(400, str(e))
        return None

    def handle_any(self):
        try:
            self.route()
        except Exception:
            traceback.print_exc()
            self.json(500, {"detail": "Internal Server Error"})

    def route(self):
        path = urlsplit(self.path).path
        methods = self.ROUTES.get(path.rstrip("/") or "/")
        if methods is None:
            return self.error(404, "Not Found")
        if self.command not in methods:
            return self.json(405, {"status_code": 405, "detail": "Method Not Allowed"},
                             [("Allow", ", ".join(sorted(methods)))])
        e = self.engine
        if path == "/api/health":
            return self.json(200, {"schemaVersion": 1, "label": "nllb-api", "message": "online"})
        if path.startswith("/api/v4/translator/tokens"):
            data = self.query(TextQuery) if self.command == "GET" else self.body(TextBody)
            if data is not None:
                self.json(200, {"length": e.count_tokens(data.text)})
            return
        if path.startswith("/api/v4/translator"):
            if self.command in ("DELETE", "PUT"):
                return self.error(401, "Unauthorized")
            data = self.query(TranslationQuery) if self.command == "GET" else self.body(Translation)
            if data is not None:
                self.json(200, {"result": e.translate_api(data.text, data.source, data.target)})
            return
        if path.startswith("/api/v4/language"):
            data = self.query(TextQuery)
            if data is not None:
                lang, conf = guess_language(data.text)
                self.json(200, {"language": lang, "confidence": conf})


# --------------------------------------------------------------------------- nllb-serve
class ServeHandler(BaseHandler):
    server_version = "Werkzeug/3.0.1"
    sys_version = "Python/3.11"
    server_name_tag = "nllb-serve"
    DEF_SRC, DEF_TGT = "eng_Latn", "kan_Knda"

    def html(self, status, body=None, extra_headers=()):
        self.send(status, body if body is not None else werkzeug_page(status),
                  "text/html; charset=utf-8", extra_headers)

    def handle_any(self):
        try:
            self.route()
        except Exception:
            traceback.print_exc()
            self.html(500)

    def route(self):
        path = urlsplit(self.path).path
        if path == "/":
            if self.command not in ("GET", "HEAD", "OPTIONS"):
                return self.html(405, extra_headers=[("Allow", "GET, HEAD, OPTIONS")])
            return self.html(200, "<!doctype html><title>NLLB Serve (Parley interop replica)</title>"
                                  "<p>POST /translate</p>\n")
        if path != "/translate":
            return self.html(404)
        if self.command not in ("GET", "POST", "HEAD", "OPTIONS"):
            return self.html(405, extra_headers=[("Allow", "GET, HEAD, OPTIONS, POST")])
        if self.command == "OPTIONS":
            return self.send(200, b"", "text/html; charset=utf-8", [("Allow", "GET, HEAD, OPTIONS, POST")])
        st = time.time()
        if self.command in ("GET", "HEAD"):
            form = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            args = None
        else:
            raw = self.read_body()
            if self.headers.get("Content-Type") == "application/json":
                try:
                    args = json.loads(raw.decode("utf-8"))
                except (ValueError, UnicodeDecodeError):
                    return self.html(400)
                form = None
            else:
                ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
                text = raw.decode("utf-8", "replace") if ctype == "application/x-www-form-urlencoded" else ""
                form = parse_qs(text, keep_blank_values=True)
                args = None
        if form is not None:
            sources = form.get("source", [])
            get = lambda k: (form.get(k) or [None])[0]
        else:
            sources = args.get("source")          # AttributeError -> 500 for a non-object body
            if isinstance(sources, str):
                sources = [sources]
            get = args.get
        src_lang = get("src_lang") or self.DEF_SRC
        tgt_lang = get("tgt_lang") or self.DEF_TGT
        if not sources:
            return self.html(400, "Please submit 'source' parameter")
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources) \
                or not isinstance(src_lang, str) or not isinstance(tgt_lang, str):
            raise TypeError("source must be a string or a list of strings")
        output = self.engine.translate_serve(sources, src_lang, tgt_lang)
        res = {"source": sources, "translation": output, "src_lang": src_lang,
               "tgt_lang": tgt_lang, "time_taken": round(time.time() - st, 3), "time_units": "s"}
        # flask.jsonify: keys sorted, compact, trailing newline (JSON_AS_ASCII=False in nllb-serve)
        body = json.dumps(res, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        self.send(200, body, "application/json")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(host, port, handler):
    srv = Server((host, port), handler)
    handler.disable_nagle_algorithm = True
    return srv


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--api-port", type=int, default=7860)
    ap.add_argument("--serve-port", type=int, default=6060)
    ap.add_argument("--inter-threads", type=int, default=2)
    ap.add_argument("--no-repeat-ngram-size", type=int, default=0,
                    help="nllb-api itself uses 3; with a copy model that garbles inputs that "
                         "repeat a 3-token sequence, so the replica defaults to 0")
    args = ap.parse_args()

    engine = Engine(args.model_dir, args.inter_threads, args.no_repeat_ngram_size)
    BaseHandler.engine = engine
    engine.translate_api("warm up", "eng_Latn", "spa_Latn")
    servers = [make_server(args.host, args.api_port, ApiHandler),
               make_server(args.host, args.serve_port, ServeHandler)]
    for s in servers[1:]:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    sys.stderr.write("nllb replica: nllb-api on http://%s:%d, nllb-serve on http://%s:%d\n"
                     % (args.host, servers[0].server_address[1], args.host, servers[1].server_address[1]))
    sys.stderr.flush()
    try:
        servers[0].serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
