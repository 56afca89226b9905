"""What the LMS commands print: the submissions import's table, a filled template's summary, the feedback files.

Each function renders what the lms layer returned; nothing here reads files or decides anything.
"""

from __future__ import annotations

from datetime import timezone

from ..text import Text
from .terminal import STUDENT

LMS_NAMES = {"canvas": Text("Canvas", "Canvas"), "moodle": Text("Moodle", "Moodle"),
             "blackboard": Text("Blackboard", "Blackboard"), "folder": Text("carpeta", "folder")}


def lms_name(lms: str, lang: str) -> str:
    """The LMS's name as people write it (``blackboard-xls`` is Blackboard)."""
    name = LMS_NAMES.get(lms.split("-")[0])
    return name(lang) if name else lms
STATUS = {
    "new": Text("nueva", "new"),
    "updated": Text("actualizada", "updated"),
    "unchanged": Text("sin cambios", "unchanged"),
    "older": Text("más antigua: se mantiene la anterior", "older: the earlier one is kept"),
    "kept": Text("ya había otra: se mantiene", "another was there: kept"),
    "no-notebook": Text("sin notebook", "no notebook"),
}


def _grid(header: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned columns, widths from the content."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]


def import_summary(report, lang: str = "es") -> str:
    """The table ``dlgrader submissions import`` prints (``report``: lms.submissions.ImportReport)."""
    t = lambda es, en: Text(es, en)(lang)  # noqa: E731
    lms = lms_name(report.lms, lang)
    lines = [t(f"Descarga {report.archive} ({lms}) → {report.assignment} en {report.course}",
               f"Download {report.archive} ({lms}) → {report.assignment} in {report.course}")]
    if report.timezone:
        lines.append(t(f"Horas de Blackboard leídas en la zona {report.timezone} (cámbiala con --timezone).",
                       f"Blackboard's times read in the zone {report.timezone} (change it with --timezone)."))
    header = [STUDENT(lang), t("En el LMS", "In the LMS"), t("Notebook", "Notebook"), t("Estado", "Status"),
              t("Entregado (UTC)", "Submitted (UTC)"), t("Tarde: LMS / nbgrader", "Late: LMS / nbgrader")]
    yes_no = lambda v: "—" if v is None else t("sí", "yes") if v else t("no", "no")  # noqa: E731
    rows = [[i.student, i.lms_name, i.chosen or "—", STATUS[i.status](lang),
             i.submitted_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M") if i.submitted_at else "—",
             f"{yes_no(i.late_lms)} / {yes_no(None if i.late_why else i.late_nbgrader)}"]
            for i in report.students]
    lines += [""] + (_grid(header, rows) if rows else [t("Ningún archivo coincide con la lista.",
                                                         "No file matches the roster.")])
    chosen = [i for i in report.students if i.reason is not None]
    if chosen:
        lines += ["", t("Varios archivos de un estudiante (cuál se califica y por qué):",
                        "Several files from one student (which one is graded and why):")]
        lines += [f"  {i.student}: {i.reason(lang)}" for i in chosen]
    if report.unmatched:
        lines += ["", t("Archivos que no coinciden con nadie (no se importaron):",
                        "Files that match nobody (not imported):")]
        for u in report.unmatched:
            near = t("; parecidos: ", "; closest: ") + ", ".join(u.closest) if u.closest else ""
            lines.append(f"  «{u.label}» ({', '.join(u.files)}): {u.why(lang)}{near}")
    late = [i for i in report.students if i.late_lms is not None and i.late_lms != i.late_nbgrader]
    if late:
        lines += ["", t("El LMS y nbgrader no coinciden en el atraso:", "The LMS and nbgrader disagree on lateness:")]
        for i in late:
            says = t(f"{lms} la marca {'tarde' if i.late_lms else 'a tiempo'}",
                     f"{lms} marks it {'late' if i.late_lms else 'on time'}")
            nb = t(f"nbgrader: {'tarde' if i.late_nbgrader else 'a tiempo'}",
                   f"nbgrader: {'late' if i.late_nbgrader else 'on time'}")
            why = f" ({i.late_why(lang)})" if i.late_why else ""
            lines.append(f"  {i.student}: {says}; {nb}{why}")
    problems = [(i.student, p) for i in report.students for p in i.problems]
    if problems:
        lines += ["", t("Problemas:", "Problems:")] + [f"  {sid}: {p(lang)}" for sid, p in problems]
    if report.missing:
        lines += ["", t("Sin entrega en esta descarga: ", "No submission in this download: ") + ", ".join(report.missing)]
    if report.ignored:
        shown = ", ".join(report.ignored[:5]) + (" …" if len(report.ignored) > 5 else "")
        lines += ["", t(f"Entradas sin el formato de nombres de {lms} ({len(report.ignored)}): {shown}",
                        f"Entries not named as {lms} names them ({len(report.ignored)}): {shown}")]
    count = {s: sum(1 for i in report.students if i.status == s) for s in STATUS}
    kept = count["older"] + count["kept"]
    lines += ["", t(f"Nuevas: {count['new']}; actualizadas: {count['updated']}; sin cambios: {count['unchanged']}; "
                    f"mantenidas: {kept}; archivos sin coincidencia: {len(report.unmatched)}; "
                    f"estudiantes sin entrega: {len(report.missing)}.",
                    f"New: {count['new']}; updated: {count['updated']}; unchanged: {count['unchanged']}; "
                    f"kept: {kept}; unmatched files: {len(report.unmatched)}; "
                    f"students without a submission: {len(report.missing)}.")]
    return "\n".join(lines)


def template_summary(result, lang: str = "es") -> str:
    """What ``dlgrader export --template`` changed (``result``: lms.template.FilledTemplate)."""
    t = lambda es, en: Text(es, en)(lang)  # noqa: E731
    lms = lms_name(result.lms, lang)
    lines = [t(f"Plantilla de {lms} completada: {result.path}", f"{lms} template filled in: {result.path}")]
    lines += [f"  {key} → {header}" for key, header in result.columns.items()]
    lines.append(t(f"Notas escritas: {result.written}; ceros por no entregar: {result.zeros}; celdas sin entrega "
                   f"dejadas como venían (el LMS conserva lo que tenga): {result.kept}.",
                   f"Grades written: {result.written}; zeros for no submission: {result.zeros}; cells without a "
                   f"submission left as they came (the LMS keeps what it has): {result.kept}."))
    if result.replaced:
        lines.append(t(f"Celdas que reemplazan una nota que ya estaba en el LMS ({len(result.replaced)}):",
                       f"Cells that replace a grade already in the LMS ({len(result.replaced)}):"))
        lines += [f"  {sid}, {header}: {old} → {new}" for sid, header, old, new in result.replaced]
    if result.no_column:
        lines.append(t("Tareas calificadas sin columna en la plantilla (no se exportan; usa --column): ",
                       "Graded assignments with no column in the template (not exported; use --column): ")
                     + ", ".join(result.no_column))
    if result.not_in_file:
        lines.append(t("Estudiantes de la lista que la plantilla no tiene: ",
                       "Roster students the template does not have: ") + ", ".join(result.not_in_file))
    if result.unknown_rows:
        lines.append(t("Filas de la plantilla que no son de nadie de la lista (sin tocar): ",
                       "Template rows of nobody on the roster (left alone): ") + ", ".join(result.unknown_rows))
    return "\n".join(lines)


def feedback_summary(result, lang: str = "es") -> str:
    """Where ``dlgrader feedback`` put each page and what to do with it (``result``: lms.feedback.FeedbackExport)."""
    t = lambda es, en: Text(es, en)(lang)  # noqa: E731
    lines = [t(f"Páginas de retroalimentación: {len(result.files)}, en {result.path}",
               f"Feedback pages: {len(result.files)}, in {result.path}")]
    if result.how is not None:
        lines.append(result.how(lang))
    lines += [f"  {sid}: {inside}" for sid, inside in result.files.items()]
    if result.missing:
        lines.append(t("Sin archivo:", "No file:"))
        lines += [f"  {sid}: {why(lang)}" for sid, why in result.missing]
    return "\n".join(lines)
