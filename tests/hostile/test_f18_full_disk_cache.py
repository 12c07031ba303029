"""F18 (the index's part): a cache on a full disk leaves nothing behind.

The index then falls back to a temporary one (with correct results, as the review found), but
it left its 1 MiB ``-wal`` file, so the disk stayed full. The full disk is a small tmpfs
mounted over the cache folder in a private user and mount namespace (``unshare -rm``), so the
test needs no privileges; where namespaces are not allowed it is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import CLI_TIMEOUT, assert_no_traceback
from tests.support.synthetic import write_set

#: Mounts a 256 KiB file system on the cache folder, indexes, then lists what the cache kept
#: (from inside the namespace: the file system goes with it).
IN_NAMESPACE = (
    'cache=$1; shift; mount -t tmpfs -o size=256k tmpfs "$cache" || exit 99; '
    '"$@"; status=$?; echo "--- cache:"; ls -A "$cache"; exit $status'
)

INDEX = [sys.executable, "-m", "reader", "index"]


def namespaces_allowed() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt || mount -t tmpfs tmpfs /tmp"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not namespaces_allowed(), reason="needs unprivileged mount namespaces")
def test_a_full_cache_disk_keeps_no_index_files(tmp_path: Path) -> None:
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 300, seed=2)  # about 1 MiB of index: more than the disk holds
    cache.mkdir()
    indexed = subprocess.run(
        ["unshare", "-rm", "sh", "-c", IN_NAMESPACE, "sh", str(cache), *INDEX, str(root)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "BRIEFING_READER_CACHE_DIR": str(cache)},
        stdin=subprocess.DEVNULL,
        timeout=CLI_TIMEOUT,
    )
    assert_no_traceback(indexed)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    output, listing = indexed.stdout.split("--- cache:\n")
    assert output.startswith("300 cards, 0 errors")
    assert "index: temporary (not kept)" in output
    assert "full" in output  # the note says why
    assert listing.split() == []
