#!/usr/bin/env python3
"""Builds the tiny, deterministic translation models the interop harness serves.

Everything is made offline from numpy arrays: no download, no torch.

* One SentencePiece model (unigram, byte fallback, identity normalisation) trained on
  a few hundred made-up lines in Latin, Arabic and Cyrillic script. Byte fallback means
  any UTF-8 text (emoji included) round-trips exactly.
* "Copy" CTranslate2 Transformer models (see BACKENDS.md, "A copy model that works"):
  d_model = one-hot token dimensions + sinusoidal position dimensions. Cross-attention
  reads only the position dimensions, aligned so that decoder position p attends to
  encoder position p-1, and its value carries the token dimensions; every other
  sub-layer is zeroed (residual pass-through). A "trigger" token in the decoder input
  points at a marker token, so the output starts with that marker.
  - Argos packages: trigger = <s> (decoder start) -> marker "▁[<to>]", so
    en->es "Hello world" translates to "[es] Hello world" and the es->ga pivot
    (es->en->ga) gives "[ga] [en] Hola".
  - NLLB model: trigger = each target-language token (target prefix) -> "[<code>]".
    Encoder-side language tokens embed as their marker, so the nllb-api double prefix
    gives "[spa_Latn][eng_Latn] Hello world" exactly like the recorded transcript.
* A MiniSBD sentence splitter (ONNX, one Gather over a per-character table) per source
  language, so LibreTranslate never tries to download one.

Usage: build_models.py --out DIR [--argos-packages-dir DIR]
"""
import argparse
import io
import json
import math
import os
import random
import shutil
import sys
import zipfile

import numpy as np

NLLB_LANGS = ["eng_Latn", "spa_Latn", "rus_Cyrl", "arb_Arab",
              "ukr_Cyrl", "gle_Latn", "swh_Latn", "hau_Latn"]
ARGOS_PAIRS = [("en", "es"), ("es", "en"), ("en", "ar"),
               ("ar", "en"), ("en", "ga"), ("ga", "en")]
LANG_NAMES = {"en": "English", "es": "Spanish", "ar": "Arabic", "ga": "Irish"}
ARGOS_MARKERS = ["\u2581[%s]" % c for c in sorted(LANG_NAMES)]
NLLB_MARKERS = ["[%s]" % c for c in NLLB_LANGS]

SP_VOCAB_SIZE = 700
MAX_POSITIONS = 1280        # > CTranslate2's default max_input_length (1024) + a few
NUM_FREQ = 32               # position dims = 4 * NUM_FREQ (cos, sin, -cos, -sin)

# --------------------------------------------------------------------------- corpus
WORDS = {
    "en": "hello world how are you the a an book house good morning evening night thank "
          "thanks please yes no this is longer English sentence I see my friend today what "
          "where when who why water food time day year people city country language "
          "translate translation text test message chat server client weather rain sun "
          "love family work school there doing here small big new old open close".split(),
    "es": "hola mundo cómo estás libro casa buenos días gracias por favor sí no esto es "
          "una frase español amigo mío ciudad agua comida tiempo año gente país idioma "
          "mensaje señor niño mañana también qué dónde cuándo espero que todo vaya bien "
          "en la el los las".split(),
    "ga": "dia duit conas atá tú go raibh maith agat slán leabhar teach uisce bia am lá "
          "bliain daoine cathair tír teanga Gaeilge fáilte oíche mhaith".split(),
    "ha": "sannu yaya kake na gode lafiya ruwa abinci gida littafi".split(),
    "sw": "habari jambo asante sana rafiki maji chakula nyumba kitabu".split(),
    "ar": "مرحبا بالعالم كيف حالك شكرا نعم لا كتاب بيت ماء طعام يوم سنة مدينة لغة "
          "رسالة صديق صباح الخير مساء".split(),
    "ru": "привет мир как дела спасибо да нет книга дом вода еда день год город язык "
          "сообщение друг доброе утро".split(),
    "uk": "привіт світ як справи дякую так ні книга будинок вода їжа день рік місто "
          "мова повідомлення друг добрий ранок їжак ґанок є".split(),
}
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áéíóúñüÁÉÍÓÚÑÜàèìòùçÇ", "0123456789",
    ".,;:!?¿¡'\"()[]{}<>-_/\\@#$%&*+=~`^|",
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئةى؟،؛",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "іїєґІЇЄҐ",
]


def make_corpus():
    rnd = random.Random(20261126)
    lines = []
    for _ in range(3):
        lines.extend(ALPHABETS)
    for lang, words in sorted(WORDS.items()):
        for _ in range(60):
            n = rnd.randint(3, 10)
            ws = [rnd.choice(words) for _ in range(n)]
            if rnd.random() < 0.6:
                ws[0] = ws[0][:1].upper() + ws[0][1:]
            line = " ".join(ws) + rnd.choice([".", "!", "?", ",", "", "."])
            if rnd.random() < 0.2:
                line += " %d" % rnd.randint(0, 2026)
            lines.append(line)
    return lines


def train_sentencepiece(out_path):
    import sentencepiece as spm
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(make_corpus()), model_writer=buf,
        vocab_size=SP_VOCAB_SIZE, model_type="unigram", byte_fallback=True,
        character_coverage=1.0, normalization_rule_name="identity",
        remove_extra_whitespaces=False, user_defined_symbols=ARGOS_MARKERS + NLLB_MARKERS,
        num_threads=1, hard_vocab_limit=False, minloglevel=2, shuffle_input_sentence=False)
    with open(out_path, "wb") as f:
        f.write(buf.getvalue())
    return spm.SentencePieceProcessor(model_file=out_path)


def ct2_vocabulary(sp):
    specials = {"<unk>", "<s>", "</s>"}
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    return ["<s>", "<pad>", "</s>", "<unk>"] + [p for p in pieces if p not in specials] + NLLB_LANGS


# --------------------------------------------------------------------------- copy model
def positions(n, shift=0):
    periods = np.geomspace(2.5, 3000.0, NUM_FREQ)
    w = 2 * np.pi / periods
    ang = np.outer(np.arange(n) + shift, w)
    c, s = np.cos(ang), np.sin(ang)
    return np.concatenate([c, s, -c, -s], axis=1) / math.sqrt(2 * NUM_FREQ)  # unit norm, zero sum


def build_copy_model(vocab, out_dir, triggers, encoder_alias, config):
    """triggers: decoder-input token -> marker token; encoder_alias: token -> token it embeds as."""
    from ctranslate2.specs import transformer_spec
    V = len(vocab)
    P = 4 * NUM_FREQ
    d = V + P
    d += (-d) % 16
    idx = {t: i for i, t in enumerate(vocab)}
    sq = math.sqrt(d)
    f32 = np.float32

    T, R = 1.0, 1.0            # token / position magnitudes in the residual stream
    Sq = 12.0                  # sharpness of the positional cross-attention
    G = 1.0                    # gain of the copied token
    A = 3.0 * math.sqrt(d / 2) * G  # trigger -> marker magnitude (beats the copied token)
    K = 2.0                    # output logit gain

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1, pre_norm=True)
    enc, dec = spec.encoder, spec.decoder

    def ln(s):
        s.gamma = np.ones(d, f32)
        s.beta = np.zeros(d, f32)

    def zero_linear(s, out_dim, in_dim):
        s.weight = np.zeros((out_dim, in_dim), f32)
        s.bias = np.zeros(out_dim, f32)

    enc_emb = np.zeros((V, d), f32)
    for t, i in idx.items():
        enc_emb[i, idx.get(encoder_alias.get(t, t), i)] = T / sq   # CT2 scales by sqrt(d)
    enc.embeddings[0].weight = enc_emb
    pe = np.zeros((MAX_POSITIONS, d), f32)
    pe[:, V:V + P] = R * positions(MAX_POSITIONS)
    enc.position_encodings.encodings = pe
    ln(enc.layer_norm)
    FFN = 16
    for layer in enc.layer:
        ln(layer.self_attention.layer_norm)
        zero_linear(layer.self_attention.linear[0], 3 * d, d)
        zero_linear(layer.self_attention.linear[1], d, d)
        ln(layer.ffn.layer_norm)
        zero_linear(layer.ffn.linear_0, FFN, d)
        zero_linear(layer.ffn.linear_1, d, FFN)

    dec_emb = np.zeros((V, d), f32)
    for t, marker in triggers.items():
        dec_emb[idx[t], idx[marker]] = A / sq
    dec.embeddings.weight = dec_emb
    pd = np.zeros((MAX_POSITIONS, d), f32)
    pd[:, V:V + P] = R * positions(MAX_POSITIONS, shift=-1)   # query for p looks for key p-1
    dec.position_encodings.encodings = pd
    ln(dec.layer_norm)
    for layer in dec.layer:
        ln(layer.self_attention.layer_norm)
        zero_linear(layer.self_attention.linear[0], 3 * d, d)
        zero_linear(layer.self_attention.linear[1], d, d)
        ca = layer.attention
        ln(ca.layer_norm)
        wq = np.zeros((d, d), f32)
        wq[V:V + P, V:V + P] = Sq * np.eye(P, dtype=f32)
        wkv = np.zeros((2 * d, d), f32)
        wkv[V:V + P, V:V + P] = np.eye(P, dtype=f32)          # keys: positions
        wkv[d:d + V, 0:V] = np.eye(V, dtype=f32)              # values: tokens
        wo = np.zeros((d, d), f32)
        wo[0:V, 0:V] = G * np.eye(V, dtype=f32)
        ca.linear[0].weight, ca.linear[0].bias = wq, np.zeros(d, f32)
        ca.linear[1].weight, ca.linear[1].bias = wkv, np.zeros(2 * d, f32)
        ca.linear[2].weight, ca.linear[2].bias = wo, np.zeros(d, f32)
        ln(layer.ffn.layer_norm)
        zero_linear(layer.ffn.linear_0, FFN, d)
        zero_linear(layer.ffn.linear_1, d, FFN)
    proj = np.zeros((V, d), f32)
    proj[:, 0:V] = K * np.eye(V, dtype=f32)
    dec.projection.weight = proj
    dec.projection.bias = np.zeros(V, f32)

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    for k, v in config.items():
        setattr(spec.config, k, v)
    spec.validate()
    spec.optimize(quantization="int8")
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    spec.save(out_dir)


# --------------------------------------------------------------------------- MiniSBD
def build_minisbd(lang, path):
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    chars = sorted(set("".join(ALPHABETS)) | {" ", "\t", "\n", "؟", "…"})
    id2unit = ["<PAD>", "<UNK>"] + chars
    table = np.zeros((len(id2unit), 5), np.float32)
    table[:, 0] = 5.0                                  # class 0: no boundary
    for i, ch in enumerate(id2unit):
        if ch in ".!?؟…":
            table[i] = [0, 0, 5.0, 0, 0]               # class 2: end of token and sentence
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "minisbd_%s" % lang,
        [helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "N"]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "N", 2])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "N", 5])],
        [numpy_helper.from_array(table, "table")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="parley-interop")
    model.ir_version = 7
    meta = {
        "lang_code": lang,
        "config": json.dumps({"feat_funcs": ["space_before", "capitalized"], "max_seqlen": 300,
                              "batch_size": 32, "skip_newline": False, "no_ssplit": False,
                              "use_dictionary": False, "num_dict_feat": 0}),
        "vocab": json.dumps({"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
                             "_id2unit": id2unit, "_unit2id": {u: i for i, u in enumerate(id2unit)}},
                            ensure_ascii=False),
        "lexicon": "null",
    }
    helper.set_model_props(model, meta)
    onnx.checker.check_model(model)
    onnx.save(model, path)


# --------------------------------------------------------------------------- packaging
def build_argos_package(frm, to, vocab, sp_path, work, out_zip):
    name = "translate-%s_%s-1_0" % (frm, to)
    root = os.path.join(work, name)
    if os.path.isdir(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, "minisbd"))
    build_copy_model(vocab, os.path.join(root, "model"), {"<s>": "\u2581[%s]" % to}, {},
                     {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                      "decoder_start_token": "<s>", "add_source_bos": False,
                      "add_source_eos": True})
    shutil.copy(sp_path, os.path.join(root, "sentencepiece.model"))
    build_minisbd(frm, os.path.join(root, "minisbd", "%s.onnx" % frm))
    meta = {"package_version": "1.0", "argos_version": "1.9.0", "from_code": frm,
            "from_name": LANG_NAMES[frm], "to_code": to, "to_name": LANG_NAMES[to],
            "type": "translate", "code": "translate-%s_%s" % (frm, to), "links": []}
    with open(os.path.join(root, "metadata.json"), "w") as f:
        json.dump(meta, f, indent=2)
    with open(os.path.join(root, "README.md"), "w") as f:
        f.write("Parley interop test package %s->%s: copies its input, prefixed by [%s].\n"
                % (frm, to, to))
    with zipfile.ZipFile(out_zip, "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, _, files in sorted(os.walk(root)):
            for fn in sorted(files):
                full = os.path.join(dirpath, fn)
                z.write(full, os.path.relpath(full, work))
    shutil.rmtree(root)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--argos-packages-dir", help="install the .argosmodel files here")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)

    sp_path = os.path.join(out, "sentencepiece.model")
    sp = train_sentencepiece(sp_path)
    vocab = ct2_vocabulary(sp)
    print("sentencepiece: %d pieces; CTranslate2 vocabulary: %d" % (sp.get_piece_size(), len(vocab)))

    nllb_dir = os.path.join(out, "nllb")
    if os.path.isdir(nllb_dir):
        shutil.rmtree(nllb_dir)
    build_copy_model(vocab, os.path.join(nllb_dir, "model"),
                     {l: "[%s]" % l for l in NLLB_LANGS}, {l: "[%s]" % l for l in NLLB_LANGS},
                     {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                      "decoder_start_token": "</s>", "add_source_bos": False,
                      "add_source_eos": False})
    shutil.copy(sp_path, os.path.join(nllb_dir, "sentencepiece.model"))
    with open(os.path.join(nllb_dir, "languages.json"), "w") as f:
        json.dump(NLLB_LANGS, f)
    print("built NLLB copy model in", nllb_dir)

    argos_out = os.path.join(out, "argos")
    os.makedirs(argos_out, exist_ok=True)
    zips = []
    for frm, to in ARGOS_PAIRS:
        z = os.path.join(argos_out, "translate-%s_%s.argosmodel" % (frm, to))
        build_argos_package(frm, to, vocab, sp_path, argos_out, z)
        zips.append(z)
        print("built", os.path.basename(z))

    if args.argos_packages_dir:
        pkg_dir = os.path.abspath(args.argos_packages_dir)
        if os.path.isdir(pkg_dir):
            shutil.rmtree(pkg_dir)
        os.makedirs(pkg_dir)
        os.environ["ARGOS_PACKAGES_DIR"] = pkg_dir
        from argostranslate import package  # reads ARGOS_PACKAGES_DIR at import
        for z in zips:
            package.install_from_path(z)
        print("installed %d Argos packages into %s" % (len(package.get_installed_packages()), pkg_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
