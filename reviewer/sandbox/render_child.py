"""The render child's main loop: the viewer's PDFs opened and drawn with PDFium away from the process that holds
the register's key (a hostile PDF that takes PDFium over finds no key, no passphrase and no register here).

Requests (JSON, with the PDF's bytes in a second frame for "open"): open a document under an id, the page sizes
back; render a page at a scale, its pixels back as one raw RGBX frame; find a text on a page, its boxes back
(top-left origin, PDF points); the text inside a box; the outline (bookmarks: level, title, 1-based page or 0);
close a document. Answers are JSON (and the raw pixel
frame), one per request.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from reviewer.sandbox.limits import limit_self
from reviewer.sandbox.process import child_streams

DEFAULT_MEMORY_MIB = 2048


def main() -> None:
    requests, replies = child_streams()
    memory_mib = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MEMORY_MIB
    import pypdfium2 as pdfium

    from reviewer.extract.passwords import password_candidates

    limit_self(memory_mib)
    docs: dict[int, Any] = {}
    while True:
        try:
            header = json.loads(requests.recv_bytes())
            data = requests.recv_bytes() if header.get("op") == "open" else None
        except (EOFError, OSError, ValueError):
            return
        op = header.get("op")
        if op == "quit":
            return
        try:
            reply, pixels = _answer(pdfium, password_candidates, docs, header, data)
        except MemoryError:
            reply, pixels = {"kind": "error", "message": "the page needs more memory than the viewer allows"}, None
        except Exception as err:  # a hostile page: that request fails, the child goes on
            reply, pixels = {"kind": "error", "message": f"the page could not be drawn ({type(err).__name__})"}, None
        try:
            replies.send_bytes(json.dumps(reply).encode("utf-8"))
            if pixels is not None:
                replies.send_bytes(pixels)
        except OSError:
            return


def _answer(pdfium: Any, candidates: Any, docs: dict[int, Any], header: dict[str, Any],
            data: bytes | None) -> tuple[dict[str, Any], bytes | None]:
    op, doc_id = header.get("op"), int(header.get("doc", 0))
    if op == "open":
        password = header.get("password")
        doc = None
        for candidate in candidates(password) if password else [None]:
            try:
                doc = pdfium.PdfDocument(data, password=candidate)
                break
            except pdfium.PdfiumError as err:
                message = str(err)
        if doc is None:
            return {"kind": "error", "message": f"cannot open the PDF: {message}"}, None
        docs[doc_id] = [doc, {}]
        return {"kind": "opened", "sizes": [list(doc.get_page_size(i)) for i in range(len(doc))]}, None
    if op == "close":
        entry = docs.pop(doc_id, None)
        if entry is not None:
            for textpage in entry[1].values():
                textpage.close()
            entry[0].close()
        return {"kind": "closed"}, None
    doc, textpages = docs[doc_id]
    if op == "outline":
        return {"kind": "outline", "entries": _outline(doc)}, None
    index = int(header["page"]) - 1
    if op == "render":
        page = doc[index]
        try:
            bitmap = page.render(scale=float(header["scale"]), rev_byteorder=True, prefer_bgrx=True)
            pixels = bytes(bitmap.buffer)
            reply = {"kind": "image", "width": bitmap.width, "height": bitmap.height, "stride": bitmap.stride}
            bitmap.close()
        finally:
            page.close()
        return reply, pixels
    if op == "find":
        return {"kind": "boxes", "boxes": _find(doc, textpages, index, str(header["query"]))}, None
    if op == "text":
        return {"kind": "text", "text": _text_in(doc, textpages, index, [float(v) for v in header["bbox"]])}, None
    return {"kind": "error", "message": f"unknown request {op!r}"}, None


def _textpage(doc: Any, textpages: dict[int, Any], index: int) -> Any:
    textpage = textpages.get(index)
    if textpage is None:
        textpage = textpages[index] = doc[index].get_textpage()
    return textpage


def _text_in(doc: Any, textpages: dict[int, Any], index: int, bbox: list[float]) -> str:
    textpage = _textpage(doc, textpages, index)
    height = doc.get_page_size(index)[1]
    x0, top, x1, bottom = bbox
    text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
    return " ".join(text.split())


def _find(doc: Any, textpages: dict[int, Any], index: int, query: str) -> list[list[float]]:
    textpage = _textpage(doc, textpages, index)
    height = doc.get_page_size(index)[1]
    hits: list[list[float]] = []
    searcher = textpage.search(query, match_case=False)
    while (found := searcher.get_next()) is not None:
        start, count = found
        rects = [textpage.get_rect(i) for i in range(textpage.count_rects(start, count))]
        if rects:
            hits.append([min(r[0] for r in rects), height - max(r[3] for r in rects),
                         max(r[2] for r in rects), height - min(r[1] for r in rects)])
    searcher.close()
    return hits


MAX_OUTLINE_ENTRIES = 5000  # a hostile outline cannot make the reply unbounded


def _outline(doc: Any) -> list[list[Any]]:
    entries: list[list[Any]] = []
    for bookmark in doc.get_toc():
        dest = bookmark.get_dest()
        index = dest.get_index() if dest is not None else None
        entries.append([int(bookmark.level), str(bookmark.get_title())[:300],
                        index + 1 if isinstance(index, int) and index >= 0 else 0])
        if len(entries) >= MAX_OUTLINE_ENTRIES:
            break
    return entries
