"""Reading input files safely: size checked before reading, bytes decoded strictly."""

from __future__ import annotations

from pathlib import Path

from parley.errors import EmptyInput, EncodingError, InputError, TooLarge

from .detect import SNIFF_BYTES, check_not_binary


def file_size(path: Path, max_bytes: int | None) -> int:
    """Return the size of the file at ``path``; raise InputError if it is missing or too large.

    Uses ``stat`` only, so an oversized file is refused without reading a byte of it.
    Pass ``max_bytes=None`` for inputs that are streamed record by record (WARC).
    """
    source = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", path=source, hint="check the path") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=source) from None
    if not path.is_file():
        raise InputError("not a regular file", path=source, hint="pass a file, a folder or a URL")
    if max_bytes is not None and st.st_size > max_bytes:
        raise TooLarge(
            f"{st.st_size:,} bytes is over the limit of {max_bytes:,} bytes",
            path=source,
            hint="split the file, or raise max_bytes (PARLEY_MAX_BYTES)",
        )
    return st.st_size


def read_head(path: Path) -> bytes:
    """Return the first bytes of a file, enough to sniff its kind."""
    try:
        with path.open("rb") as fh:
            return fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(path)) from None


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Return the whole content of a file already known to be under ``max_bytes``."""
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # +1: a file that grew since stat is still caught
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=str(path)) from None
    if len(data) > max_bytes:
        raise TooLarge(f"over the limit of {max_bytes:,} bytes", path=str(path))
    return data


def decode_text(raw: bytes, source: str, *, encoding: str | None = None) -> str:
    """Return ``raw`` decoded as text; raise Binary/Encoding/EmptyInput when it is not usable text.

    UTF-8 (a BOM is dropped) is the rule; UTF-16 is accepted only with its BOM, since without
    one it cannot be told from binary data. ``encoding`` (from an HTTP header) is tried first.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _encoding_error(exc, source, "UTF-16") from None
        return _non_empty(text, source)
    check_not_binary(raw[: SNIFF_BYTES * 4], source)
    if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return _non_empty(raw.decode(encoding), source)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown header charset: fall back to the UTF-8 rule below
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _encoding_error(exc, source, "UTF-8") from None
    return _non_empty(text, source)


def _non_empty(text: str, source: str) -> str:
    if not text.strip():
        raise EmptyInput("empty (nothing but whitespace)", path=source, hint="check the file")
    return text


def _encoding_error(exc: UnicodeDecodeError, source: str, name: str) -> EncodingError:
    bad = exc.object[exc.start : exc.start + 1]
    return EncodingError(
        f"not valid {name}: byte 0x{bad.hex()} at offset {exc.start} cannot be decoded",
        path=source,
        hint="re-encode it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
    )


def is_hidden(path: Path) -> bool:
    """Return True for dot-files, which a folder listing skips."""
    return path.name.startswith((".", "~"))
