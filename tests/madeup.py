"""Pieces of made-up pages shared by the structure tests: paragraphs, a page builder,
and what a record dropped."""

P2 = ("Kepala dinas perhubungan mengatakan bahwa armada baru itu akan melayani dua belas rute "
      "yang selama ini belum terjangkau angkutan umum.")
P3 = ("Menurut dia, warga dapat memantau jadwal bus melalui aplikasi yang disiapkan pemerintah "
      "kota sejak awal tahun ini.")
P4 = "Program tersebut dibiayai dari anggaran daerah dan akan dievaluasi setiap tiga bulan sekali."


def page(*lines: str) -> str:
    """The lines as one page's text."""
    return "\n".join(lines) + "\n"


def dropped(rec) -> dict[str, str]:
    """Each dropped line of a record (made with keep_dropped) -> "category/rule"."""
    return {d.text: f"{d.category}/{d.rule}" for d in rec.metadata.dropped_lines}
