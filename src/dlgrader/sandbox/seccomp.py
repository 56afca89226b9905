"""The worker's seccomp filter: no new processes, no programs, no network, no kernel tricks.

Loaded after the worker's own imports and before student code. Threads are
still allowed (numpy and torch start them); a ``clone`` without CLONE_THREAD,
``fork`` and ``execve`` fail with EPERM, so a fork bomb or ``subprocess`` call
becomes an ordinary Python exception inside the student's function.

It talks to libseccomp directly through ctypes (the library Debian ships as
libseccomp2): no compiler, no temporary files, nothing to spawn inside the sandbox.
"""

from __future__ import annotations

import ctypes
import errno

CLONE_THREAD = 0x00010000
SCMP_ACT_ALLOW = 0x7FFF0000
SCMP_CMP_MASKED_EQ = 7
DENIED = (
    "fork", "vfork", "execve", "execveat", "socket", "socketpair", "connect", "bind", "listen", "accept",
    "accept4", "ptrace", "mount", "umount2", "unshare", "setns", "keyctl", "add_key", "request_key", "bpf",
    "perf_event_open", "chroot", "pivot_root", "process_vm_readv", "process_vm_writev", "kexec_load",
    "init_module", "finit_module", "delete_module", "reboot", "swapon", "swapoff", "userfaultfd",
    "io_uring_setup", "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
)


class _ArgCmp(ctypes.Structure):
    _fields_ = [("arg", ctypes.c_uint), ("op", ctypes.c_int), ("datum_a", ctypes.c_uint64),
                ("datum_b", ctypes.c_uint64)]


def _errno_action(code: int) -> int:
    return 0x00050000 | (code & 0xFFFF)


def _lib():
    lib = ctypes.CDLL("libseccomp.so.2", use_errno=True)
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_init.argtypes = [ctypes.c_uint32]
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_rule_add_array.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint,
                                           ctypes.POINTER(_ArgCmp)]
    lib.seccomp_load.argtypes = [ctypes.c_void_p]
    lib.seccomp_release.argtypes = [ctypes.c_void_p]
    return lib


def available() -> bool:
    """True when libseccomp can be loaded here (Linux with libseccomp2)."""
    try:
        lib = _lib()
        ctx = lib.seccomp_init(SCMP_ACT_ALLOW)
        lib.seccomp_release(ctx)
        return bool(ctx)
    except (OSError, AttributeError):
        return False


def install() -> None:
    lib = _lib()
    ctx = lib.seccomp_init(SCMP_ACT_ALLOW)
    if not ctx:
        raise RuntimeError("seccomp_init failed")

    def rule(action: int, name: str, *cmps: _ArgCmp) -> None:
        nr = lib.seccomp_syscall_resolve_name(name.encode())
        if nr < 0:
            return  # not a syscall on this architecture
        arr = (_ArgCmp * len(cmps))(*cmps) if cmps else None
        if lib.seccomp_rule_add_array(ctx, action, nr, len(cmps), arr) != 0:
            raise RuntimeError(f"seccomp rule for {name} failed")

    deny = _errno_action(errno.EPERM)
    for name in DENIED:
        rule(deny, name)
    # clone: threads yes (CLONE_THREAD set), processes no
    rule(deny, "clone", _ArgCmp(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0))
    # clone3 hides its flags in memory; ENOSYS makes glibc fall back to clone
    rule(_errno_action(errno.ENOSYS), "clone3")
    if lib.seccomp_load(ctx) != 0:
        raise RuntimeError("seccomp_load failed")
    lib.seccomp_release(ctx)
