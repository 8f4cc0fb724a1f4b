"""Where the company's regulator secret is kept: the OS keyring, else a private file.

The secret never goes into the database, a log line or an error message (protocol §2). The
keyring (Windows Credential Manager, the Secret Service of UOS/Kylin desktops) is used when one
is available. Where there is none (a server without a desktop session), the secret goes into a
file only the user can read, and :func:`storage_warning` says so for the settings dialog.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir

log = logging.getLogger(__name__)

SERVICE = "wuye_desktop.regulator"
ENV_DIR = "WUYE_SECRET_DIR"  # tests and portable installs put the fallback file elsewhere
ENV_NO_KEYRING = "WUYE_NO_KEYRING"  # 1: never use the keyring (tests, kiosk machines)


@dataclass(frozen=True)
class SecretLocation:
    keyring: bool
    description: str  # where it is, for the settings dialog: "the system keyring" or a path


def _account(base_url: str, company_code: str) -> str:
    # One secret per platform and company: a training server and the real one can coexist.
    return f"{company_code}@{base_url.rstrip('/')}"


def _keyring_usable() -> bool:
    if os.environ.get(ENV_NO_KEYRING) == "1":
        return False
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring setup must not stop the program
        log.warning("the keyring could not be loaded", exc_info=True)
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def _secret_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    return Path(override) if override else Path(user_config_dir("wuye_desktop", appauthor=False))


def _secret_file(base_url: str, company_code: str) -> Path:
    digest = hashlib.sha256(_account(base_url, company_code).encode("utf-8")).hexdigest()[:16]
    return _secret_dir() / f"regulator-secret-{digest}"


def location(base_url: str, company_code: str) -> SecretLocation:
    if _keyring_usable():
        return SecretLocation(True, "keyring")
    return SecretLocation(False, str(_secret_file(base_url, company_code)))


def save_secret(base_url: str, company_code: str, secret: str) -> SecretLocation:
    """Keep the secret; returns where it went. OSError if the file cannot be written."""
    if _keyring_usable():
        import keyring

        try:
            keyring.set_password(SERVICE, _account(base_url, company_code), secret)
            return SecretLocation(True, "keyring")
        except Exception:
            log.warning("the keyring refused the secret; using a private file", exc_info=True)
    path = _secret_file(base_url, company_code)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created readable by the user only, before anything is written into it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(secret)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    return SecretLocation(False, str(path))


def load_secret(base_url: str, company_code: str) -> str | None:
    if _keyring_usable():
        import keyring

        try:
            found = keyring.get_password(SERVICE, _account(base_url, company_code))
        except Exception:
            log.warning("the keyring could not be read", exc_info=True)
            found = None
        if found:
            return found
    path = _secret_file(base_url, company_code)
    try:
        text = path.read_text("utf-8").strip()
    except OSError:
        return None
    return text or None


def forget_secret(base_url: str, company_code: str) -> None:
    if _keyring_usable():
        import keyring

        try:
            keyring.delete_password(SERVICE, _account(base_url, company_code))
        except Exception:
            log.info("no secret in the keyring to forget")
    _secret_file(base_url, company_code).unlink(missing_ok=True)
