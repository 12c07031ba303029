"""Text for a terminal: nothing a command prints can drive the terminal, or fail to print.

Card values and file names come from other people. Printed raw, a YAML ``"\\e[2J"`` clears the
screen, an OSC sequence sets the window title or writes the clipboard (OSC 52), a bidi
override reorders a line. :func:`terminal_safe` is the one place that decides what reaches a
terminal, and :func:`safe_output` (which ``briefing-reader`` wraps around every command)
passes everything written to stdout and stderr through it: every ``print`` of every command,
today's and later ones, argparse's messages included, without each having to remember.

Escaped, as ``\\u`` and four hex digits (``\\u001b`` for ESC):

- C0 controls except tab and line feed (so CR, BS and ESC too), and DEL;
- C1 controls, U+0080 to U+009F (a terminal may take U+009B as the start of a sequence);
- bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), and
  the line and paragraph separators (U+2028, U+2029).

One form for everything: it reads plainly, and it is JSON's own escape, so ``--format json``
(whose encoder already escapes C0 controls this way) stays valid JSON that decodes to the
original text. A lone surrogate (a file name that is not UTF-8, decoded with
``surrogateescape``) becomes U+FFFD, which a strict UTF-8 stream can encode; a character the
stream's encoding lacks (an ASCII locale) is escaped as above (outside the BMP as a JSON
surrogate pair), so printing never raises.

:class:`Stopped` is how a signal ends a command: the one line and the exit code that
``briefing-reader`` gives for it (see :mod:`reader.cli`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import sys
from collections.abc import Iterator
from typing import TextIO, cast


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What is escaped, and the lone surrogates: compiled on the first text that is not plain
    ASCII (5 M instructions, ~1 ms; the window, which prints nothing, never pays it)."""
    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
    return unsafe, re.compile("[\ud800-\udfff]")


class Stopped(KeyboardInterrupt):
    """A signal that ends a command the way Ctrl+C does (SIGTERM, SIGHUP, or Ctrl+C's own
    SIGINT noted during an export): the same clean-ups run, and ``briefing-reader`` says
    which signal it was and exits with 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:  # as JSON writes it: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control character escaped and lone surrogates replaced."""
    if text.isascii() and text.replace("\n", "").replace("\t", "").isprintable():
        return text  # nothing to escape: printable ASCII, tabs and line feeds
    unsafe, surrogate = _patterns()
    text = unsafe.sub(lambda m: _escape(m.group()), text)
    return surrogate.sub("\ufffd", text)


class SafeStream(io.TextIOBase):
    """A text stream that writes :func:`terminal_safe` text to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]  # typeshed: an attribute
        return self.stream.encoding or "utf-8"

    def write(self, text: str) -> int:
        self.stream.write(self._printable(text))
        return len(text)

    def status(self, text: str) -> None:
        """Show ``text`` over the current line (a progress line): the one carriage return
        that reaches the terminal is this one."""
        self.stream.write("\r" + self._printable(text))
        self.stream.flush()

    def _printable(self, text: str) -> str:
        safe = terminal_safe(text)
        try:
            safe.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return "".join(c if _encodes(c, self.encoding) else _escape(c) for c in safe)
        return safe

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def show_status(text: str) -> None:
    """Show a progress line on stderr, over the previous one (see :meth:`SafeStream.status`)."""
    stream = sys.stderr
    if isinstance(stream, SafeStream):
        stream.status(text)
    else:
        print(f"\r{terminal_safe(text)}", end="", file=stream, flush=True)


def write_data(data: bytes) -> None:
    """A command's output that is data (a table): the bytes as they are into a pipe or a
    file, but made terminal-safe text on a terminal, where card text must not drive it."""
    out = sys.stdout
    if out.isatty():
        out.write(data.decode("utf-8", "replace"))
        out.flush()
        return
    raw = out.stream if isinstance(out, SafeStream) else out
    raw.flush()
    raw.buffer.write(data)
    raw.buffer.flush()


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Everything written to ``sys.stdout`` and ``sys.stderr`` meanwhile is terminal-safe."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, SafeStream(stdout))
    sys.stderr = cast(TextIO, SafeStream(stderr))
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        sys.stdout, sys.stderr = stdout, stderr
