"""The untrusted side and its wire: isolation, the worker, the fork server, the codec and the broker's session.

Imports nothing of the rest of dlgrader but :mod:`dlgrader.errors` and :mod:`dlgrader.text`: the worker
runs this package inside the sandbox, and nothing it imports may reach the graders or the gradebook.
Kept import-free itself, so ``python -m dlgrader.sandbox.worker`` loads only what the worker needs.
"""
