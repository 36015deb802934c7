"""Runs the Studio tests with unittest and ends with one plain summary line,
`N passed, N failed` (`, N skipped` when any were), which CI reads; exits 1 on any failure."""

import sys
import unittest


def main(argv):
    names = argv or ["test_studio"]
    loader = unittest.TestLoader()
    suite = unittest.TestSuite(loader.loadTestsFromName(name) for name in names)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    # A test counts once however many of its subtests (or its tearDown) failed; a failed
    # class or module fixture (which runs no test) counts as one failure of its own.
    holders = [t for t, _ in result.errors if isinstance(t, unittest.suite._ErrorHolder)]
    def name(test):
        return (getattr(test, "test_case", None) or test).id()
    ran_failed = {name(t) for t, _ in result.failures + result.errors if t not in holders}
    ran_failed |= {name(t) for t in result.unexpectedSuccesses}
    failed = len(ran_failed) + len(holders)
    skipped = len(result.skipped)
    passed = max(0, result.testsRun - len(ran_failed) - skipped - len(result.expectedFailures))
    sys.stdout.flush()
    summary = f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "")
    print(summary, flush=True)
    return 1 if failed or result.testsRun == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
