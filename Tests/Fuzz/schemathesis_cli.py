"""Runs schemathesis's command line (`schemathesis ARGS...`), with one work-around for CPython.

CPython before 3.11.8 and 3.12.2 builds an AST in shared interpreter state, and a garbage
collection in the middle of `ast.parse` can let another thread parse at the same time; the loser
fails with "SystemError: AST constructor recursion depth mismatch" (CPython gh-106905, fixed by
python/cpython#113035). Hypothesis calls `ast.parse` to describe the lambdas that schemathesis
filters its strategies with, so with two workers a run on such a Python (the python3 of this
machine is 3.11.7, Debian's is 3.11.2) ends in a "Runtime Error" for whichever operation lost the
race. On those versions every `ast.parse` here goes through one lock; on fixed ones nothing changes.
"""

import ast
import sys
import threading


def _serialize_ast_parse() -> None:
    fixed = sys.version_info >= (3, 12, 2) or (3, 11, 8) <= sys.version_info < (3, 12)
    if fixed:
        return
    parse, lock = ast.parse, threading.Lock()

    def locked_parse(*args, **kwargs):
        with lock:
            return parse(*args, **kwargs)

    ast.parse = locked_parse


if __name__ == "__main__":
    _serialize_ast_parse()
    from schemathesis.cli import schemathesis

    sys.argv[0] = "schemathesis"
    sys.exit(schemathesis())
