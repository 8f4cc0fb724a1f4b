"""SQLite's file locks, kept safe from everything else that runs in this process.

Why this exists. SQLite coordinates processes with POSIX advisory record locks (``fcntl``).
POSIX ties those locks to the *process and file*, not to the descriptor, and drops all of a
process's locks on a file as soon as *any* descriptor of that file is closed in the process.
Qt's file dialog, listing the folder that holds the database, opens and closes the database's
files to guess their type; so can an image loader, a print preview or any library that peeks at
a file. After that the program holds no locks while it still writes; another process (a second
desk, ``wuye backup``, the sqlite3 shell) then believes it is the last user, checkpoints and
deletes the WAL, and every later commit goes into a deleted file: silently lost. SQLite's own
documentation lists this under "How To Corrupt An SQLite Database File".

What we do (Linux). SQLite's unix VFS calls ``open``, ``close`` and ``fcntl`` through a table
that the VFS lets a program replace (``sqlite3_vfs.xSetSystemCall``). We replace three entries:

* ``fcntl``: record locks become open-file-description locks (``F_OFD_SETLK`` and friends).
  They belong to the open file description, not to the process, so closing some *other*
  descriptor of the same file leaves them alone. OFD locks and classic POSIX locks conflict with
  each other, so other processes — other desks, the sqlite3 shell, older builds — still see
  ours and we still see theirs.
* ``open``: a descriptor SQLite opens on a file it already has open is made a duplicate of the
  first one, so all of SQLite's descriptors of one file share one open file description and thus
  one set of locks. That is exactly what SQLite's in-process bookkeeping assumes of POSIX locks
  (two connections of one process never conflict with each other).
* ``close``: the descriptor is forgotten; when SQLite closes the last one the description and its
  locks go, as POSIX locks would.

Nothing else changes: SQLite still decides when to lock, what and for how long. The hooks are
installed once, before the process opens its first SQLite file (mixing the two kinds of locks
inside one process would make it conflict with itself), by :func:`install`.

Elsewhere. Windows locks (``LockFileEx``) belong to the handle, so there is nothing to fix.
Where the hooks cannot be installed (no OFD locks, an SQLite we cannot reach), the program
still checks before every commit that the files it writes into are the ones on disk
(:func:`lost_files`) and stops writing if they are not.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import stat
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_F_GETLK, _F_SETLK, _F_SETLKW = 5, 6, 7
_F_OFD_GETLK, _F_OFD_SETLK, _F_OFD_SETLKW = 36, 37, 38
_F_GETFL, _F_DUPFD_CLOEXEC = 3, 1030
_TO_OFD = {_F_GETLK: _F_OFD_GETLK, _F_SETLK: _F_OFD_SETLK, _F_SETLKW: _F_OFD_SETLKW}
_MIN_FD = 3  # SQLite never uses 0, 1 or 2 for a database file (SQLITE_MINIMUM_FILE_DESCRIPTOR)

# The C types of the three system calls as SQLite's table holds them. use_errno=True on both the
# real calls and our replacements carries errno from the real call back to SQLite, which reads
# it to tell "busy" from an I/O error.
_OPEN_T = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_int, use_errno=True
)
_CLOSE_T = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, use_errno=True)
# fcntl is variadic in C; on the 64-bit Linux ABIs we enable this for, a third argument travels
# in a register either way, so a pointer-sized third parameter reads it correctly.
_FCNTL_T = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_void_p, use_errno=True
)
_SET_SYSCALL_T = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
_GET_SYSCALL_T = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p)


class _Flock(ctypes.Structure):
    # struct flock on 64-bit Linux (off_t is 64 bits there).
    _fields_ = [
        ("l_type", ctypes.c_short),
        ("l_whence", ctypes.c_short),
        ("l_start", ctypes.c_int64),
        ("l_len", ctypes.c_int64),
        ("l_pid", ctypes.c_int),
    ]


class _Vfs(ctypes.Structure):
    # struct sqlite3_vfs up to version 3 (sqlite3.h); function pointers as plain addresses.
    _fields_ = [
        ("iVersion", ctypes.c_int),
        ("szOsFile", ctypes.c_int),
        ("mxPathname", ctypes.c_int),
        ("pNext", ctypes.c_void_p),
        ("zName", ctypes.c_char_p),
        ("pAppData", ctypes.c_void_p),
        ("xOpen", ctypes.c_void_p),
        ("xDelete", ctypes.c_void_p),
        ("xAccess", ctypes.c_void_p),
        ("xFullPathname", ctypes.c_void_p),
        ("xDlOpen", ctypes.c_void_p),
        ("xDlError", ctypes.c_void_p),
        ("xDlSym", ctypes.c_void_p),
        ("xDlClose", ctypes.c_void_p),
        ("xRandomness", ctypes.c_void_p),
        ("xSleep", ctypes.c_void_p),
        ("xCurrentTime", ctypes.c_void_p),
        ("xGetLastError", ctypes.c_void_p),
        ("xCurrentTimeInt64", ctypes.c_void_p),
        ("xSetSystemCall", ctypes.c_void_p),
        ("xGetSystemCall", ctypes.c_void_p),
        ("xNextSystemCall", ctypes.c_void_p),
    ]


@dataclass
class _OpenFile:
    """One file SQLite has open: its path when first opened and SQLite's descriptors of it."""

    path: str
    fds: set[int] = field(default_factory=set)


class _Registry:
    """The files SQLite has open in this process, by (device, inode)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.files: dict[tuple[int, int], _OpenFile] = {}
        self.key_of_fd: dict[int, tuple[int, int]] = {}

    def snapshot(self) -> list[tuple[tuple[int, int], str, int]]:
        """(key, path, one descriptor) of every open file."""
        with self.lock:
            return [(key, f.path, next(iter(f.fds))) for key, f in self.files.items() if f.fds]


_registry = _Registry()
_install_lock = threading.Lock()
_state: dict[str, object] = {}  # "active": bool, plus the ctypes objects kept alive for good


def _sqlite_library() -> ctypes.CDLL | None:
    """The SQLite library Python's sqlite3 module runs on (the same copy, not another one)."""
    import _sqlite3  # noqa: F401  (maps the library into the process)

    candidates: list[str] = []
    try:
        maps = Path("/proc/self/maps").read_text("utf-8", "replace")
    except OSError:
        maps = ""
    for line in maps.splitlines():
        match = re.search(r"\s(/\S*libsqlite3[^/\s]*\.so[^/\s]*)$", line)
        if match and match.group(1) not in candidates:
            candidates.append(match.group(1))
    module_file = getattr(sys.modules.get("_sqlite3"), "__file__", None)
    if module_file:
        candidates.append(module_file)  # SQLite linked into the module itself
    for candidate in candidates:
        try:
            lib = ctypes.CDLL(candidate)
            _ = lib.sqlite3_vfs_find
        except (OSError, AttributeError):
            continue
        return lib
    return None


def _make_hooks(real_open: Any, real_close: Any, real_fcntl: Any) -> tuple[Any, Any, Any]:
    """The three replacements, over the real calls (ctypes function pointers)."""
    # Everything the hooks use is bound here, not looked up in module globals, so they keep
    # working while the interpreter shuts down and modules are being torn down.
    registry = _registry
    fstat = os.fstat
    is_regular = stat.S_ISREG
    to_ofd = _TO_OFD
    flock_at = _Flock.from_address
    accmode = os.O_ACCMODE

    def hooked_open(path: bytes | None, flags: int, mode: int) -> int:
        fd: int = real_open(path, flags, mode)
        if fd < 0:
            return fd
        try:
            st = fstat(fd)
        except OSError:
            return fd
        if not is_regular(st.st_mode):
            return fd  # a folder opened to sync it: never locked
        key = (st.st_dev, st.st_ino)
        with registry.lock:
            open_file = registry.files.get(key)
            if open_file is not None and open_file.fds:
                first = next(iter(open_file.fds))
                if real_fcntl(first, _F_GETFL, None) & accmode == flags & accmode:
                    dup: int = real_fcntl(first, _F_DUPFD_CLOEXEC, _MIN_FD)
                    if dup >= 0:
                        # The fresh descriptor holds no locks (ours are OFD locks), so
                        # closing it costs nothing.
                        real_close(fd)
                        fd = dup
                # else: another access mode (read-only beside read-write); it keeps a
                # description of its own, which at worst makes SQLite answer "busy".
            else:
                open_file = _OpenFile(os.fsdecode(path or b""))
                registry.files[key] = open_file
            open_file.fds.add(fd)
            registry.key_of_fd[fd] = key
        return fd

    def hooked_close(fd: int) -> int:
        with registry.lock:
            key = registry.key_of_fd.pop(fd, None)
            if key is not None:
                open_file = registry.files.get(key)
                if open_file is not None:
                    open_file.fds.discard(fd)
                    if not open_file.fds:
                        del registry.files[key]
        result: int = real_close(fd)
        return result

    def hooked_fcntl(fd: int, cmd: int, arg: int | None) -> int:
        ofd_cmd = to_ofd.get(cmd)
        if ofd_cmd is not None and arg:
            flock_at(arg).l_pid = 0  # the kernel insists on 0 for OFD locks
            cmd = ofd_cmd
        result: int = real_fcntl(fd, cmd, arg)
        return result

    return _OPEN_T(hooked_open), _CLOSE_T(hooked_close), _FCNTL_T(hooked_fcntl)


def _ofd_locks_work() -> bool:
    """Whether this kernel has OFD locks (Linux 3.15 and later)."""
    import fcntl
    import struct
    import tempfile

    with tempfile.TemporaryFile() as probe:
        try:
            fcntl.fcntl(
                probe.fileno(), _F_OFD_SETLK, struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 1, 0)
            )
        except OSError:
            return False
    return True


def install() -> bool:
    """Protect SQLite's locks in this process; True when the protection is active.

    Call before the process opens its first SQLite file; calling again does nothing.
    """
    with _install_lock:
        if "active" in _state:
            return bool(_state["active"])
        active = False
        try:
            active = _install()
        except Exception:  # an unexpected library: run unprotected, but say so
            log.exception("could not protect SQLite's file locks")
        _state["active"] = active
        return active


def _install() -> bool:
    if not sys.platform.startswith("linux") or ctypes.sizeof(ctypes.c_void_p) != 8:
        log.info("SQLite lock protection not needed or not available on %s", sys.platform)
        return False
    if not _ofd_locks_work():
        log.warning("this kernel has no OFD locks: SQLite's locks are not protected")
        return False
    lib = _sqlite_library()
    if lib is None:
        log.warning("the SQLite library could not be found: its locks are not protected")
        return False
    lib.sqlite3_vfs_find.restype = ctypes.POINTER(_Vfs)
    lib.sqlite3_vfs_find.argtypes = [ctypes.c_char_p]
    vfs_ptr = lib.sqlite3_vfs_find(None)
    if not vfs_ptr:
        return False
    vfs = vfs_ptr.contents
    if vfs.iVersion < 3 or not (vfs.zName or b"").startswith(b"unix"):
        log.warning("SQLite's default VFS %r cannot be hooked", vfs.zName)
        return False
    set_call = _SET_SYSCALL_T(vfs.xSetSystemCall)
    get_call = _GET_SYSCALL_T(vfs.xGetSystemCall)
    address = ctypes.cast(vfs_ptr, ctypes.c_void_p)
    reals = {}
    for name in (b"open", b"close", b"fcntl"):
        pointer = get_call(address, name)
        if not pointer:
            log.warning("SQLite has no %s system call to hook", name.decode())
            return False
        reals[name] = pointer
    hooks = _make_hooks(
        _OPEN_T(reals[b"open"]), _CLOSE_T(reals[b"close"]), _FCNTL_T(reals[b"fcntl"])
    )
    # SQLite calls these for as long as the process lives, including while the interpreter
    # shuts down and the garbage collector closes the last connections; a freed callback would
    # crash the process then. So they are leaked on purpose: never freed.
    keep = (lib, hooks)
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(keep))
    _state["keep"] = keep
    for name, hook in zip((b"open", b"close", b"fcntl"), hooks, strict=True):
        if set_call(address, name, ctypes.cast(hook, ctypes.c_void_p)) != 0:
            log.warning("SQLite refused to hook %s", name.decode())
            # Put back what was set so the process stays consistent.
            set_call(address, None, None)
            return False
    log.debug("SQLite's file locks are OFD locks in this process")
    return True


def is_active() -> bool:
    """Whether :func:`install` has protected SQLite's locks in this process."""
    return bool(_state.get("active", False))


def _database_files(db_path: Path) -> set[str]:
    base = str(db_path)
    return {base, base + "-wal", base + "-shm"}


def _proc_fds() -> Iterable[tuple[str, int]]:
    """(path, descriptor) of this process's open files, from /proc (Linux), without opening them."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return []
    found = []
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        found.append((target.removesuffix(" (deleted)"), int(name)))
    return found


def lost_files(db_path: Path) -> list[str]:
    """SQLite's open files of this database that are no longer the files on disk.

    A file another program deleted (a WAL checkpointed away) or replaced (a database renamed
    over) while this process still writes into it: whatever goes there is lost. Empty when all
    is well. Costs a few stat calls; nothing here opens a file.
    """
    names = _database_files(db_path)
    if is_active():
        open_files = [(path, fd) for _key, path, fd in _registry.snapshot() if path in names]
    else:
        open_files = [(path, fd) for path, fd in _proc_fds() if path in names]
    lost: set[str] = set()
    for path, fd in open_files:
        try:
            st = os.fstat(fd)
        except OSError:
            continue  # closed meanwhile
        if st.st_nlink == 0:
            lost.add(path)
            continue
        try:
            on_disk = os.stat(path)
        except FileNotFoundError:
            lost.add(path)
            continue
        if (on_disk.st_dev, on_disk.st_ino) != (st.st_dev, st.st_ino):
            lost.add(path)
    return sorted(lost)


def locks_on(path: Path) -> int:
    """How many record locks any process holds on *path*, from /proc/locks (Linux; for tests
    and diagnostics: OFD locks there show no owner, so this cannot tell whose they are)."""
    try:
        st = os.stat(path)
        text = Path("/proc/locks").read_text("ascii", "replace")
    except OSError:
        return 0
    # "1: OFDLCK ADVISORY READ -1 fe:00:2146469 128 128": device major:minor:inode
    inode = re.compile(rf"\s[0-9a-f]+:[0-9a-f]+:{st.st_ino}\s")
    return sum(1 for line in text.splitlines() if inode.search(line))
