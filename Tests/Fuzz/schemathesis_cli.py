"""Runs schemathesis's command line (`schemathesis ARGS...`), with one work-around for CPython.

CPython before 3.11.8 and 3.12.2 converts between Python AST objects and its C AST with a
recursion counter kept in shared interpreter state, and a garbage collection in the middle of
a conversion can let another thread convert at the same time; the loser fails with
"SystemError: AST constructor recursion depth mismatch" (CPython gh-106905, fixed by
python/cpython#113035). With two workers, a run on such a Python (the python3 of this machine
is 3.11.7, Debian's is 3.11.2) then ends in a "Runtime Error" for whichever operation lost the
race. Conversions happen in `ast.parse` (Hypothesis describes the lambdas schemathesis filters
its strategies with, and reads constants from source), in `compile(..., ast.PyCF_ONLY_AST)`
(anyio's lazy imports) and in `compile(tree, ...)` (werkzeug's routing). All of them go through
the builtin `compile` (`ast.parse` calls it too), so on those versions every `compile` that
produces or consumes an AST object goes through one lock; compiling source text to code, which
touches no AST object, is left alone, and on fixed versions nothing changes.

An earlier version locked `ast.parse` alone, and a CI run still lost the race once (in
Hypothesis's lambda description, while generating an example for POST /v1/chat/translate):
`ast.parse` was not the only converter.
"""

import ast
import builtins
import sys
import threading


def _serialize_ast_conversion() -> None:
    fixed = sys.version_info >= (3, 12, 2) or (3, 11, 8) <= sys.version_info < (3, 12)
    if fixed:
        return
    compile_, lock = builtins.compile, threading.RLock()  # re-entrant: a collection may nest one

    def locked_compile(source, filename, mode, flags=0, *args, **kwargs):
        if flags & ast.PyCF_ONLY_AST or isinstance(source, ast.AST):
            with lock:
                return compile_(source, filename, mode, flags, *args, **kwargs)
        return compile_(source, filename, mode, flags, *args, **kwargs)

    builtins.compile = locked_compile


if __name__ == "__main__":
    _serialize_ast_conversion()
    from schemathesis.cli import schemathesis

    sys.argv[0] = "schemathesis"
    sys.exit(schemathesis())
