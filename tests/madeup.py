"""Pieces of made-up pages shared by the structure, property and speed tests:
paragraphs, a page builder, and what a record dropped."""

P2 = ("Kepala dinas perhubungan mengatakan bahwa armada baru itu akan melayani dua belas rute "
      "yang selama ini belum terjangkau angkutan umum.")
P3 = ("Menurut dia, warga dapat memantau jadwal bus melalui aplikasi yang disiapkan pemerintah "
      "kota sejak awal tahun ini.")
P4 = "Program tersebut dibiayai dari anggaran daerah dan akan dievaluasi setiap tiga bulan sekali."
# A dateline paragraph and a short one after it (the later-pass pages of
# test_properties.py and test_speed.py).
D = "TRIBUNNEWS.COM - Pemimpin Korea Utara menyatakan dukungan penuh kepada Presiden Rusia pada Senin (12/6/2023)."
A = "Asosiasi tersebut didirikan oleh Zelenska pada 2021 lalu."


def page(*lines: str) -> str:
    """The lines as one page's text."""
    return "\n".join(lines) + "\n"


def dropped(rec) -> dict[str, str]:
    """Each dropped line of a record (made with keep_dropped) -> "category/rule"."""
    return {d.text: f"{d.category}/{d.rule}" for d in rec.metadata.dropped_lines}
