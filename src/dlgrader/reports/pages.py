"""What every report page shares: one HTML document, its styles (screen and print), escaping.

A page is one self-contained file (styles inline, figures embedded), so it can be mailed, zipped for an
LMS or opened from a USB stick. Every text is escaped here or by the caller: feedback quotes student code.
"""

from __future__ import annotations

import html

STYLE = """
:root{--ok:#1d6b1d;--no:#a11d1d;--pend:#8a5a00;--gris:#666;--linea:#d8d8d8}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:62rem;margin:1.5rem auto;
padding:0 1rem;color:#1e1e1e;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #e4e4e4;
padding-bottom:.2rem}h3{font-size:1.05rem}
.sub{color:var(--gris);margin-top:0}
table{border-collapse:collapse;margin:.8rem 0;width:100%}td,th{border-bottom:1px solid var(--linea);
padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
td.num,th.num{text-align:right;white-space:nowrap}
tr.tarea th{background:#eef3f8;font-weight:600}tr.tarea th .fb{font-weight:400}
.ok{color:var(--ok)}.no{color:var(--no)}.pend{color:var(--pend)}.marca{width:1.4rem;text-align:center}
.oculta{color:var(--gris);font-size:.9em}
.fb{margin:.3rem 0 0;font-size:.95em}.fb p{margin:.15rem 0}
pre{white-space:pre-wrap;background:#f6f6f6;border-left:3px solid #cfcfcf;padding:.4rem .6rem;margin:.3rem 0;
font-size:.9em;overflow-x:auto}
.problema{border-left:4px solid var(--no);background:#fbf1f1;padding:.4rem .8rem;margin:.6rem 0}
.problema p{margin:.1rem 0}.sin-entrega{border-left:4px solid var(--gris);background:#f3f3f3;padding:.4rem .8rem}
.comentario{border-left:3px solid var(--ok);background:#f1f7f1;padding:.3rem .6rem;margin:.3rem 0}
.nota-final{font-size:1.15rem}.nota-final strong{font-size:1.4rem}
.figuras{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:.8rem}
figure{margin:.5rem 0}figcaption{color:var(--gris);font-size:.9em}img.figura{max-width:100%;height:auto}
nav{font-size:.95em;color:var(--gris)}nav a{margin-right:.6rem}
table.ordenable th{cursor:pointer}table.ordenable td:first-child{white-space:nowrap}table.ordenable th[data-orden=asc]::after{content:" ▲"}
table.ordenable th[data-orden=desc]::after{content:" ▼"}tr.reprueba td.final{color:var(--no);font-weight:600}
@media print{body{max-width:none;margin:0;font-size:10pt}nav,.solo-pantalla{display:none}
a{color:inherit;text-decoration:none}h2{break-after:avoid}tr,figure,.problema{break-inside:avoid}
pre{border:1px solid #ccc}}
"""

SORTING = """
document.querySelectorAll("table.ordenable").forEach(t => t.querySelectorAll("thead th").forEach((th, i) =>
  th.addEventListener("click", () => {
    const asc = th.dataset.orden !== "asc";
    t.querySelectorAll("thead th").forEach(h => delete h.dataset.orden);
    th.dataset.orden = asc ? "asc" : "desc";
    const key = r => { const v = r.cells[i].dataset.valor; const n = parseFloat(v); return isNaN(n) ? v : n; };
    const rows = [...t.tBodies[0].rows].sort((a, b) => { const x = key(a), y = key(b); return x < y ? -1 : x > y; });
    (asc ? rows : rows.reverse()).forEach(r => t.tBodies[0].appendChild(r));
  })));
"""


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: str, lang: str, *, script: str = "") -> str:
    """A whole document: ``body`` is HTML already escaped by its builder; ``script`` runs after it (optional)."""
    tail = f"<script>{script}</script>\n" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n{body}\n{tail}</body></html>\n")


def paragraphs(text: str, cls: str = "") -> str:
    """A message whose first line is a sentence and whose next lines (a line of code, a caret) are shown as is."""
    first, _, rest = text.partition("\n")
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{esc(first)}</p>" + (f"<pre>{esc(rest)}</pre>" if rest.strip() else "")
