"""Regenerate the sample manpower workbook under tests/data/landing (run once, commit)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.support.workbooks import write_workbook  # noqa: E402

ROWS = [
    ["KEP.12345/PPTKA/PTK/2024", "PT SAWIT MAKMUR", "9120001234567", "01262",
     "KAB. KAPUAS; KOTA PALANGKA RAYA", "WANG LEI", "E12345678", "CHN", "L",
     datetime(1985, 3, 12), "Plantation Manager", "1311.01", datetime(2024, 2, 1),
     datetime(2026, 1, 31), 12, 1200, 2],
    ["KEP.12345/PPTKA/PTK/2024", "PT SAWIT MAKMUR", "9120001234567", "01262",
     "Kabupaten Kapuas", "LI NA", "EA-9876543", "REPUBLIK RAKYAT TIONGKOK", "P",
     datetime(1990, 7, 21), "Quality Control Engineer", "2141.03", datetime(2024, 3, 15),
     datetime(2025, 3, 14), 6, "600", 1],
    ["KEP.22222/PPTKA/PTK/2024", "PT TAMBANG BARITO", "8120009876543", "07291",
     "Palangkaraya", "RAJESH KUMAR", "Z1234567", "INDIA", "M", "30-01-1980",
     "Mining Engineer", "2146.01", "01-06-2024", "31-05-2025", "12", "1.200,00", 0],
    ["KEP.22222/PPTKA/PTK/2024", "PT TAMBANG BARITO", "8120009876543", "07291",
     "KAB. PULANG PISAU", "JAMES WILSON", "533987654", "AMERIKA SERIKAT", "L",
     datetime(1975, 5, 5), "Manajer Personalia", "1212.01", datetime(2024, 9, 1),
     datetime(2026, 8, 31), 3, 300, 1],
]


def main() -> None:
    write_workbook(
        HERE / "landing" / "tenaga_kerja_tka" / "tka_62_20250131.xlsx",
        ROWS,
        title_lines=["DATA TENAGA KERJA ASING", "DINAS TENAGA KERJA PROVINSI KALIMANTAN TENGAH",
                     "Keadaan per 31 Januari 2025"],
    )


if __name__ == "__main__":
    main()
