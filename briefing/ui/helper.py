"""The app's helper processes: the list's reader and the analyst.

Reading every file for the list and analysing documents are CPU-bound Python. In a
thread of the app they compete with the UI for the interpreter lock (the analysis of a
3 MB log used to delay the next document by seconds); in a process they run on another
core, and stale work can be stopped instead of finished.

- The **reader** (:func:`read_titles`) lists the files, reads each one for its title,
  date and size, and streams batches of list entries back. The first screenful goes
  first; the rest waits until the app has painted it (:meth:`Helper.resume_reader`).
  The first few small documents travel whole, so the first one is shown without being
  read a second time. Last, when the app asks (:meth:`Helper.group_stories`), it groups
  the documents into stories; that reads them all again and holds every document's
  shingles for a while: in the app's process it froze the keys for seconds on a large
  folder and kept hundreds of megabytes.
- The **analyst** (:func:`serve`) analyses documents on request, one at a time. It
  imports the NLP libraries on its first request, which the app makes after its first
  frame. A small document is analysed at once; a large one in a child forked from the
  (by then warm) analyst, so that when the reader moves on, the child is killed.

:meth:`Helper.start` starts both with ``fork`` when this process has no other thread
yet (the CLI starts them before importing Textual, so they begin while the UI is
still loading), else from a fork server. Where neither exists, they run as threads of
this process (``BRIEFING_HELPERS=thread``, ``fork`` or ``forkserver`` forces one way,
for tests and debugging). A helper process sends nothing to the terminal: its stdout
and stderr are /dev/null. Results cross the pipe in chunks (:mod:`briefing.ui.wire`),
so that no single unpickling call holds the interpreter lock for long.

This module imports neither Textual nor the core's analysis (the analyst imports that
itself), so the launcher can import it before anything else.
"""

from __future__ import annotations

import functools
import gc
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import connection
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from briefing.core.model import Analysis, Document, Settings

if TYPE_CHECKING:
    from briefing.core.load import Source

INLINE_CHARS = 30_000
"""Documents up to this many characters (a long article, about 250 sentences) are
analysed by the analyst itself; longer ones in a forked child that can be killed."""

SEND_DOCUMENTS = 8
"""The reader sends the first this many documents whole (the first screenful)..."""
SEND_DOCUMENT_CHARS = 100_000
"""...when they are at most this long; the app reads the others itself."""

POLL = 0.02
"""Seconds between checks for cancellation while waiting for the analyst."""

ANALYST_STOPPED = "the analysis process stopped unexpectedly"
"""What :meth:`Helper.analyze` answers when the analyst itself has gone (rather than one
document failing): no later request can succeed either."""


# --- messages from the reader ------------------------------------------------------------
# (Plain classes: a dataclass costs about half a millisecond to create at import, and
# this module is imported on the way to the first frame.)


class Found:
    """Files discovered, in list order (``entries`` are ``catalog.Entry``)."""

    def __init__(self, entries: list[Any], done: bool = False) -> None:
        self.entries = entries
        self.done = done


class Described:
    """Files read: ``(index, entry)`` pairs, and some of the documents themselves."""

    def __init__(
        self,
        entries: list[tuple[int, Any]],
        documents: dict[str, Document] | None = None,
        done: bool = False,
    ) -> None:
        self.entries = entries
        self.documents = {} if documents is None else documents
        self.done = done


class Grouped:
    """Which entries tell the same story: one story id per entry (``core.stories``).
    The reader's last message."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids


# --- the app's side ----------------------------------------------------------------------


class Helper:
    """The app's handle on its reader and analyst."""

    def __init__(self, paths: Sequence[str], starter: _Starter) -> None:
        self.paths = list(paths)
        self._starter = starter
        self._reader_conn, reader_end = connection.Pipe(duplex=True)
        self._reader = starter.start(
            read_titles, (reader_end, self.paths), inherited=(self._reader_conn,)
        )
        self._analyst_conn, analyst_end = connection.Pipe(duplex=True)
        self._analyst = starter.start(
            serve, (analyst_end,), inherited=(self._reader_conn, self._analyst_conn)
        )
        if starter.processes:  # the children hold their own copies now
            reader_end.close()
            analyst_end.close()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._closed = False
        self.reader_done = False

    @classmethod
    def start(cls, paths: Sequence[str]) -> Helper:
        """Start the reader on ``paths`` and the analyst."""
        return cls(paths, _Starter.choose())

    @property
    def mode(self) -> str:
        """How the helpers run: ``fork``, ``forkserver`` or ``thread``."""
        return self._starter.method

    # --- the reader --------------------------------------------------------------------

    def next_reader_message(
        self, timeout: float | None = None
    ) -> Found | Described | Grouped | None:
        """The reader's next message; None when it is done, or when ``timeout`` seconds
        pass first (``0``: only a message that has already arrived). One thread at a time.
        """
        if self.reader_done or self._closed:
            return None
        conn = self._reader_conn
        try:
            if timeout is not None and not conn.poll(timeout):
                return None
            message: Found | Described | Grouped = conn.recv()
        except (EOFError, OSError):
            # The reader died (or the app is closing): the list ends where it is.
            self.reader_done = True
            return Described([], done=True)
        if isinstance(message, Grouped):
            self.reader_done = True
        return message

    def reader_messages(
        self, cancelled: Callable[[], bool] = lambda: False
    ) -> Iterator[Found | Described | Grouped]:
        """The reader's messages, in order, until it is done or ``cancelled()``.

        Waits in short steps, never in one blocking read: the reader may be waiting
        for the app (to group the stories) when the app quits, and a worker thread stuck
        in a read would keep the interpreter from exiting (it joins its threads).
        """
        while not self.reader_done and not self._closed and not cancelled():
            message = self.next_reader_message(timeout=POLL * 5)
            if message is not None:
                yield message

    def resume_reader(self) -> None:
        """Let the reader go on past the first screen (once the app has painted it)."""
        self._tell_reader("more")

    def group_stories(self) -> None:
        """Let the reader group the stories (once the list is read and the first
        summary shown: the grouping reads every file again)."""
        self._tell_reader("group")

    def _tell_reader(self, word: str) -> None:
        try:
            self._reader_conn.send(word)
        except (OSError, ValueError):
            pass  # the reader has finished, or the app is closing

    # --- the analyst -------------------------------------------------------------------

    def analyze(
        self,
        document: Document,
        settings: Settings,
        cancelled: Callable[[], bool],
        source: Source | None = None,
    ) -> Analysis | str | None:
        """The analysis of ``document``: an Analysis, a one-line reason it failed, or
        None when ``cancelled()`` became true first (the analyst's work is then dropped).

        A large document read from ``source`` is not sent: the analyst's child reads the
        file itself (sending 100,000 paragraphs takes this process a second) and checks
        that it holds the same text. Blocks the calling thread (a worker), never the UI.
        """
        from briefing.ui.wire import decode_analysis, encode_document

        with self._lock:
            if self._closed:
                return None
            request = next(self._ids)
            conn = self._analyst_conn
            if (
                source is not None
                and source.path != "-"
                and self._starter.processes
                and len(document.text) > INLINE_CHARS
            ):
                what: tuple[Any, ...] = ("file", source, text_digest(document.text))
            else:
                what = ("value", encode_document(document))
            try:
                conn.send(("analyze", request, what, settings))
                cancel_sent = False
                while True:
                    if not cancel_sent and cancelled():
                        conn.send(("cancel", request))
                        cancel_sent = True
                    if not conn.poll(POLL):
                        continue
                    kind, answered, payload = conn.recv()
                    if answered != request:
                        continue  # pragma: no cover - one request is in flight at a time
                    if cancel_sent or kind == "cancelled":
                        return None
                    if kind == "failed":
                        return str(payload)
                    return decode_analysis(payload, document)
            except (EOFError, OSError):
                if self._closed or cancelled():
                    return None
                return ANALYST_STOPPED

    def close(self) -> None:
        """Stop both helpers (idempotent)."""
        if self._closed:
            return
        self._closed = True
        for conn in (self._reader_conn, self._analyst_conn):
            try:
                conn.close()
            except OSError:  # pragma: no cover
                pass
        for worker in (self._reader, self._analyst):
            self._starter.stop(worker)


class _Starter:
    """Starts a helper function as a process (fork or fork server) or as a thread."""

    def __init__(self, method: str) -> None:
        self.method = method
        self.processes = method != "thread"

    @classmethod
    def choose(cls) -> _Starter:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        forced = os.environ.get("BRIEFING_HELPERS", "")
        if forced == "thread" or forced in methods:
            return cls(forced)
        # fork copies only the calling thread: safe while it is the only one.
        if "fork" in methods and threading.active_count() == 1:
            return cls("fork")
        if "forkserver" in methods:
            return cls("forkserver")
        return cls("thread")

    def start(
        self,
        target: Callable[..., None],
        args: tuple[Any, ...],
        inherited: tuple[Connection, ...] = (),
    ) -> Any:
        """Run ``target(*args, env)``. ``inherited``: this process's ends of the pipes,
        which a forked child must close, or it would never see them close (no end of
        file when the app goes, and an orphan left behind)."""
        if not self.processes:
            thread = threading.Thread(target=target, args=(*args, None), daemon=True)
            thread.start()
            return thread
        import multiprocessing

        context = multiprocessing.get_context(self.method)
        if self.method == "fork":
            target = functools.partial(_forked, target, inherited)
        # The environment goes along explicitly: a fork server's children would otherwise
        # see the server's (the cache and NLTK folders are read from it).
        process = context.Process(  # type: ignore[attr-defined]
            target=target, args=(*args, dict(os.environ)), daemon=True
        )
        process.start()
        return process

    def stop(self, worker: Any) -> None:
        if isinstance(worker, threading.Thread):
            return  # it ends when its connection closes
        if worker.is_alive():
            worker.kill()  # a child the analyst forked dies with it (_die_with_parent)
        worker.join(1.0)


def _die_with_parent() -> bool:
    """Have the kernel kill this process when its parent dies (Linux), so that nothing
    is left running when the app is killed. True if the parent is already gone."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover
            pass
    return os.getppid() != parent or parent == 1


def _forked(
    target: Callable[..., None], inherited: tuple[Connection, ...], *args: Any
) -> None:
    for conn in inherited:
        conn.close()
    target(*args)


def _detach(env: dict[str, str] | None) -> None:
    """In a helper process: take the app's environment, keep off its terminal."""
    if env is None:
        return  # a thread of the app
    # The launcher paused the collector for the app's first frame; not here.
    gc.enable()
    if _die_with_parent():
        os._exit(0)  # the app has gone already
    os.environ.clear()
    os.environ.update(env)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    # Ctrl+C belongs to the app, which stops the helpers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --- the reader ---------------------------------------------------------------------------


def read_titles(conn: Connection, paths: list[str], env: dict[str, str] | None) -> None:
    """Discover ``paths`` and describe every file, streaming to ``conn`` (the reader).

    The first screenful goes out first, titles and all, before the rest of the folder
    is even listed, and before figures are counted (the figure patterns take a tenth of
    a second to compile). Then the other names, the first screen's figure counts and
    the other entries follow, while the reader yields the processor to the app.
    """
    _detach(env)
    from briefing.core.load import discover
    from briefing.ui.catalog import Entry, read

    try:
        items = discover(paths)
        found = [Entry.from_discovery(item) for item in itertools.islice(items, SEND_DOCUMENTS)]
        head = len(found)
        conn.send(Found(list(found)))
        first: list[tuple[int, Entry, Document]] = []
        described: list[tuple[int, Entry]] = []
        documents: dict[str, Document] = {}
        for index, entry in enumerate(found):
            if entry.source is None or entry.path == "-":
                continue  # failed already, or standard input (the app read that itself)
            result = read(entry.source)
            described.append((index, entry.described_by(result, figures=False)))
            if isinstance(result, Document):
                first.append((index, entry, result))
                if len(result.text) <= SEND_DOCUMENT_CHARS:
                    documents[entry.path] = result
        conn.send(Described(described, documents))
        # The first screen is out: the rest is background work, and waits for the app
        # to have painted it (on two cores, it would otherwise compete with that).
        _lower_priority(env)
        if not _wait_for(conn, "more"):
            return

        batch: list[Entry] = []
        last = time.monotonic()
        for item in items:
            entry = Entry.from_discovery(item)
            found.append(entry)
            batch.append(entry)
            if len(batch) >= 500 or time.monotonic() - last > 0.05:
                conn.send(Found(batch))
                batch, last = [], time.monotonic()
        conn.send(Found(batch, done=True))

        described = [(index, entry.described_by(document)) for index, entry, document in first]
        documents = {}
        last = time.monotonic()
        for index in range(head, len(found)):
            entry = found[index]
            if entry.source is None or entry.path == "-":
                continue
            described.append((index, entry.described_by(read(entry.source))))
            if len(described) >= 200 or time.monotonic() - last > 0.1:
                conn.send(Described(described, documents))
                described, last = [], time.monotonic()
        conn.send(Described(described, documents, done=True))
        if _wait_for(conn, "group"):
            conn.send(Grouped(_stories(found)))
    except (BrokenPipeError, EOFError, OSError):
        pass  # the app has gone
    finally:
        conn.close()


def _wait_for(conn: Connection, word: str) -> bool:
    """Wait until the app says ``word``; False if it has gone instead."""
    try:
        while conn.recv() != word:
            pass
    except EOFError:
        return False
    return True


def _stories(found: list[Any]) -> list[int]:
    """Story ids for the entries (read again: keeping every text would cost more).
    Unreadable entries and standard input (read by the app) stand alone."""
    from briefing.core.stories import group
    from briefing.ui.catalog import read

    def texts() -> Iterator[str]:
        for entry in found:
            result = read(entry.source) if entry.source is not None and entry.path != "-" else None
            yield result.text if isinstance(result, Document) else ""

    return list(group(texts()).ids)


def _lower_priority(env: dict[str, str] | None) -> None:
    if env is not None and hasattr(os, "nice"):  # a process of its own, not a thread
        try:
            os.nice(10)
        except OSError:  # pragma: no cover
            pass


# --- the analyst --------------------------------------------------------------------------


class _Child:
    def __init__(self, pid: int, conn: Connection, request: int) -> None:
        self.pid = pid
        self.conn = conn
        self.request = request


def serve(conn: Connection, env: dict[str, str] | None) -> None:
    """Answer ``("analyze", id, what, settings)`` and ``("cancel", id)`` on ``conn``.

    ``what`` is ``("value", encoded document)`` or ``("file", source, text digest)``.

    Every analyze request gets exactly one answer, ``(kind, id, payload)`` with kind
    ``done`` (payload: the encoded analysis), ``failed`` (a reason) or ``cancelled``.
    """
    _detach(env)
    can_fork = env is not None and hasattr(os, "fork")
    child: _Child | None = None
    warm = False
    try:
        while True:
            waiting: list[Any] = [conn] if child is None else [conn, child.conn]
            for ready in connection.wait(waiting):
                if ready is conn:
                    try:
                        message = conn.recv()
                    except EOFError:
                        return
                    if message[0] == "cancel":
                        if child is not None and child.request == message[1]:
                            _kill(child)
                            child = None
                            conn.send(("cancelled", message[1], None))
                        continue
                    _, request, what, settings = message
                    if child is not None:  # pragma: no cover - the app cancels first
                        _kill(child)
                        conn.send(("cancelled", child.request, None))
                        child = None
                    # A large document (by file, or by value: what[1][0] is its text's
                    # shell) is read or decoded, and analysed, in a child that can be killed.
                    large = what[0] == "file" or len(what[1][0].text) > INLINE_CHARS
                    if not warm and can_fork:
                        from briefing.core.analyze import warm as warm_up

                        warm_up(settings)
                        # What analysing imports (numpy, NLTK, sumy) stays for good: a
                        # full collection would walk all of it, holding up an answer by
                        # tens of milliseconds now and then, and in a forked child also
                        # copy the pages it touches. Frozen, collections skip it.
                        gc.freeze()
                        warm = True
                    if large and can_fork:
                        child = _fork(conn, request, what, settings)
                        continue
                    conn.send(_answer(request, what, settings))
                    warm = True
                elif child is not None and ready is child.conn:
                    try:
                        data = child.conn.recv_bytes()
                    except EOFError:
                        data = None
                    _kill(child)
                    if data is None:
                        conn.send(("failed", child.request, "the analysis stopped unexpectedly"))
                    else:
                        conn.send_bytes(data)  # the child's answer, as it pickled it
                    child = None
    except (BrokenPipeError, OSError):
        pass  # the app has gone
    finally:
        if child is not None:
            _kill(child)
        conn.close()


def text_digest(text: str) -> bytes:
    """A fingerprint of a document's text (the analyst's copy must be the app's)."""
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _document(what: tuple[Any, ...]) -> Document | str:
    """The document a request is about (sent, or read here), or why it cannot be had."""
    if what[0] == "value":
        from briefing.ui.wire import decode_document

        return decode_document(what[1])
    from briefing.ui.catalog import read

    _, source, digest = what
    result = read(source)
    if not isinstance(result, Document):
        return result.reason
    if text_digest(result.text) != digest:
        return "the file has changed since it was opened: open it again to summarize it"
    return result


def _answer(request: int, what: tuple[Any, ...], settings: Settings) -> tuple[str, int, Any]:
    from briefing.core.analyze import analyze
    from briefing.render.safe import printable
    from briefing.ui.wire import encode_analysis

    document = _document(what)
    if isinstance(document, str):
        return ("failed", request, document)
    try:
        analysis = analyze(document, settings)
    except Exception as exc:  # noqa: BLE001 - reported in the summary pane
        return ("failed", request, printable(f"{type(exc).__name__}: {exc}")[:300])
    return ("done", request, encode_analysis(analysis))


def _fork(conn: Connection, request: int, what: tuple[Any, ...], settings: Settings) -> _Child:
    import pickle

    receive, send = connection.Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the child: analyse, answer, and leave without any clean-up
        code = 0
        try:
            _die_with_parent()
            conn.close()
            receive.close()
            send.send_bytes(pickle.dumps(_answer(request, what, settings), protocol=5))
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    send.close()
    return _Child(pid, receive, request)


def _kill(child: _Child) -> None:
    try:
        os.kill(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(child.pid, 0)
    except ChildProcessError:  # pragma: no cover
        pass
    child.conn.close()
