"""Screenshots of the report as a reader sees it: the class page and three student pages, in headless Chromium.

    python benchmarks/screenshots.py                      # runs the whole demo first (minutes), then shoots
    python benchmarks/screenshots.py --course CURSO       # a course `dlgrader demo --out CURSO` already built
    python benchmarks/screenshots.py --out otra/carpeta   # where the PNG files go (default: docs/capturas)

The three students are the demo's: one whose work is complete, one with a syntax error, one who submitted
nothing (``--students`` to pick others). The README shows ``docs/capturas/curso.png``. Needs Debian's
``chromium`` (or ``chromium-browser``) on PATH.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUBRIC = REPO / "rubric" / "duoc.yaml"
# what each screenshot shows: file name, page (relative to report/), window height in pixels
STUDENTS = {"completa": "ana_perez", "error_de_sintaxis": "elena_martinez", "sin_entregas": "luis_morales"}
WIDTH = 1280


def shoot(browser: str, page: Path, png: Path, height: int) -> Path:
    """One PNG of ``page`` at WIDTH x ``height`` pixels (the top of the page)."""
    png.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                          "--force-device-scale-factor=1", f"--window-size={WIDTH},{height}",
                          "--virtual-time-budget=5000", f"--screenshot={png}", page.as_uri()],
                         capture_output=True, text=True, timeout=180)
    if run.returncode != 0 or not png.is_file():
        raise SystemExit(f"chromium could not take {png.name}: {run.stderr[-800:]}")
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--course", type=Path, help="a demo course already built (default: build one now)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "capturas", help="folder for the PNG files")
    parser.add_argument("--students", nargs=3, metavar=("COMPLETA", "SINTAXIS", "SIN_ENTREGAS"),
                        help="the three students to show (ids)")
    parser.add_argument("--lang", default="es", choices=("es", "en"))
    args = parser.parse_args(argv)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    sys.path.insert(0, str(REPO / "src"))
    from dlgrader.demo import run_demo
    from dlgrader.reports.html import write_report

    course = args.course
    if course is None:
        course = Path(tempfile.mkdtemp(prefix="dlgrader-capturas-")) / "curso"
        print(f"Building the demo course in {course} (a few minutes)…", flush=True)
        run_demo(course, root=REPO, lang=args.lang)
    report = Path(tempfile.mkdtemp(prefix="dlgrader-informe-"))
    index = write_report(course, out=report, rubric=RUBRIC, root=REPO, lang=args.lang)
    students = dict(zip(STUDENTS, args.students)) if args.students else STUDENTS
    written = [shoot(browser, index, args.out / "curso.png", 2600)]
    for name, sid in students.items():
        page = report / "estudiantes" / f"{sid}.html"
        if not page.is_file():
            raise SystemExit(f"{sid} has no page in {report}: is it on the course's roster?")
        written.append(shoot(browser, page, args.out / f"estudiante_{name}.png", 2000))
    for png in written:
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
