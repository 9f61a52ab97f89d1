"""The documents checklist: scan each paper (thumbnails and page counts on screen) or hand it in at the counter.

Why: "empty" dossiers from silent upload failures are a top complaint (domain.md §9.3), so every page is
shown back as a thumbnail with a count, a scanner error is said in plain words, and a required paper can
only be left out by saying "I will bring the paper to the counter". The citizen's choice per paper is kept on
the dossier (``DossierDocument.provision``: scanned / paper at the counter / not provided), and the receipt
lists only the papers provided. Scans live in the session folder and
are wiped with the session; at submission they are copied to the dossier's folder.

A returning citizen whose account has the ``keep_scans_for_reuse`` consent is offered, per paper, the paper of
the same name scanned in one of their earlier dossiers (its first page as a thumbnail, read in place from the
earlier dossier's folder, nothing copied); choosing it hands in that paper as "reused" (QĐ 766 4.3). The
offers come from kiosk.core.reuse for the ID read from this citizen's chip, and are dropped with the session.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QUrl, Signal, Slot

from kiosk.ui.base import NO_TEXT, SubViewModel, Text2, pair

if TYPE_CHECKING:
    from kiosk.core.dossiers import DocumentInput


class DocumentsViewModel(SubViewModel):
    changed = Signal()

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.reset()

    def reset(self) -> None:
        self._docs: list[Any] = []
        self._pages: list[list[Path]] = []
        self._paper: list[bool] = []
        self._scanning = -1
        self._error: Text2 = NO_TEXT
        self._missing: set[int] = set()
        self._offers: dict[int, Any] = {}  # paper index -> kiosk.core.reuse.ReusableScan
        self._reuse: set[int] = set()  # papers handed in as the earlier scan
        self.changed.emit()

    def load(self, procedure: Any) -> None:
        if self._docs and self._docs == list(procedure.documents):
            return
        self._docs = list(procedure.documents)
        self._pages = [[] for _ in self._docs]
        self._paper = [False for _ in self._docs]
        self._missing = set()
        self._offers, self._reuse = {}, set()
        self.changed.emit()
        self._find_reusable()

    def _find_reusable(self) -> None:
        """Ask core (worker) for earlier scans of this citizen's papers; nothing without the consent."""
        id_number = self.root.identify.id_number
        if not id_number or not self.services.ready:
            return
        docs, dossiers = list(self._docs), self.services.dossiers
        names = [d.name_vi for d in docs]

        def done(found: Any) -> None:
            if self._docs != docs or self.root.identify.id_number != id_number:
                return  # another procedure or another citizen meanwhile
            self._offers = {i: found[n] for i, n in enumerate(names) if n in found}
            self.changed.emit()

        self.root.worker.submit(lambda: dossiers.reusable_scans(id_number, names), done,
                                lambda exc: None)  # no offer is the safe answer

    @Property("QVariantList", notify=changed)
    def items(self) -> list[dict[str, Any]]:
        vi = self.root.lang == "vi"
        out = []
        for i, d in enumerate(self._docs):
            out.append({
                "index": i,
                "name": d.name_vi if vi else d.name_en,
                "note": (d.note_vi if vi else d.note_en) or "",
                "required": d.required,
                "pageCount": len(self._pages[i]),
                "thumbs": [QUrl.fromLocalFile(str(p)).toString() for p in self._pages[i]],
                "paper": self._paper[i],
                "provision": self._provision(i),
                "missing": i in self._missing,
                "scanning": i == self._scanning,
                "reuseOffer": i in self._offers and not self._pages[i],
                "reuseThumb": QUrl.fromLocalFile(str(self._offers[i].thumbnail)).toString() if i in self._offers else "",
                "reusePages": self._offers[i].pages if i in self._offers else 0,
                "reused": i in self._reuse,
            })
        return out

    @Slot(int, bool)
    def setReuse(self, index: int, on: bool) -> None:
        """Hand in the earlier scan of this paper (or stop doing so)."""
        if index not in self._offers:
            return
        if on:
            self._reuse.add(index)
            self._paper[index] = False
            self._missing.discard(index)
        else:
            self._reuse.discard(index)
        self.changed.emit()

    def _provision(self, i: int) -> str:
        """kiosk.core.workflow.PROVISIONS: scanned pages win over the paper toggle; an optional paper with
        neither is not provided."""
        if self._pages[i]:
            return "scanned"
        if i in self._reuse:
            return "reused"
        return "paper" if self._paper[i] else "not_provided"

    @Property(bool, notify=changed)
    def scanning(self) -> bool:
        return self._scanning >= 0

    @Property(str, notify=changed)
    def errorText(self) -> str:
        return self.t(self._error)

    @Property(int, notify=changed)
    def totalPages(self) -> int:
        return sum(len(p) for p in self._pages)

    @Slot(int)
    def scan(self, index: int) -> None:
        if self._scanning >= 0 or not (0 <= index < len(self._docs)):
            return
        self._scanning, self._error = index, NO_TEXT
        out = self.services.scan_dir() / f"doc{index}-p{len(self._pages[index]) + 1}-{uuid.uuid4().hex[:6]}.png"
        scanner = self.services.scanner

        def done(page: Any) -> None:
            self._scanning = -1
            self._pages[index].append(Path(page.path))
            self._paper[index] = False
            self._reuse.discard(index)
            self._missing.discard(index)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._scanning = -1
            self._error = pair(exc)
            self.changed.emit()

        self.changed.emit()
        self.root.worker.submit(lambda: scanner.scan_page(out), done, failed)

    @Slot(int)
    def removeLastPage(self, index: int) -> None:
        if 0 <= index < len(self._pages) and self._pages[index]:
            self._pages[index].pop().unlink(missing_ok=True)
            self.changed.emit()

    @Slot(int, bool)
    def setPaper(self, index: int, on: bool) -> None:
        if 0 <= index < len(self._paper):
            self._paper[index] = on
            if on:
                self._missing.discard(index)
                self._reuse.discard(index)
            self.changed.emit()

    @Slot()
    def next(self) -> None:
        self._missing = {i for i, d in enumerate(self._docs)
                         if d.required and not self._pages[i] and not self._paper[i] and i not in self._reuse}
        if self._missing:
            self._error = ("Còn giấy tờ bắt buộc chưa quét. Hãy quét, hoặc chọn \"Tôi sẽ nộp bản giấy tại quầy\".",
                           "Some required papers are not scanned. Scan them, or choose \"I will hand in the paper at the counter\".")
            self.changed.emit()
            return
        self._error = NO_TEXT
        self.changed.emit()
        self.root.goTo("delivery")

    def document_inputs(self, keep_dir: Path) -> list[DocumentInput]:
        """DocumentInputs for the submission; scans are copied (0600, folders 0700) to the staging folder
        ``keep_dir`` (worker thread); the submission moves them to their final place after its commit."""
        from kiosk.core.dossiers import DocumentInput  # SQLAlchemy: not before the first frame
        from kiosk.security import copy_private, ensure_private_dir

        out = []
        for i, d in enumerate(self._docs):
            scan_path = None
            if self._pages[i]:
                target = ensure_private_dir(keep_dir / f"doc{i + 1}")
                for n, page in enumerate(self._pages[i], start=1):
                    copy_private(page, target / f"page{n}.png")
                scan_path = str(target)
            elif i in self._reuse:  # a reference to the earlier paper; core checks it again at submission
                offer = self._offers[i]
                out.append(DocumentInput(name=d.name_vi, originals=d.originals, certified_copies=d.certified_copies,
                                         photocopies=d.photocopies, scanned_pages=offer.pages, provision="reused",
                                         digitised_state=2, reused_from_document_id=offer.document_id))
                continue
            out.append(DocumentInput(name=d.name_vi, originals=d.originals, certified_copies=d.certified_copies,
                                     photocopies=d.photocopies, scanned_pages=len(self._pages[i]), scan_path=scan_path,
                                     provision=self._provision(i)))
        return out

    def summary(self) -> list[dict[str, str]]:
        vi = self.root.lang == "vi"
        out = []
        for i, d in enumerate(self._docs):
            if self._pages[i]:
                state = self.t(("Đã quét {n} trang", "{n} pages scanned")).format(n=len(self._pages[i]))
            elif i in self._reuse:
                state = self.t(("Dùng lại bản đã nộp trước đây", "Reused from an earlier dossier"))
            elif self._paper[i]:
                state = self.t(("Nộp bản giấy tại quầy", "Paper at the counter"))
            else:
                state = self.t(("Không nộp", "Not given"))
            out.append({"label": d.name_vi if vi else d.name_en, "value": state})
        return out
