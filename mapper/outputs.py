"""Writing output files atomically: a temporary file in the same folder, then a rename.

An interrupted or failing run leaves no half-written file and keeps the previous one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mapper.errors import OutputError

__all__ = ["write_atomic"]


def _default_mode() -> int:
    """The mode a plain ``open(..., "w")`` would give (0o666 less the umask), not mkstemp's 0600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"cannot write to {target.parent} ({err.strerror})") from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, _default_mode())
        os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"cannot write {target} ({err.strerror})") from err
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
