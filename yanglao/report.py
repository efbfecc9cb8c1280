"""The run's summary: what the command prints and the Prefect artifact shows. Values from pages and servers
are escaped (`yanglao.escape`): a reason phrase or a redirect's Location must not become markup."""

from __future__ import annotations

from dataclasses import dataclass, field

from yanglao.escape import markdown_text


@dataclass
class RunSummary:
    """What one run did, for the command's summary lines, its exit code and the Prefect artifact."""

    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    version: str | None = None
    published: bool = False
    message: str = ""
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0
    reused: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    database: str | None = None
    refused: str | None = None  # one line: why nothing was published although the run worked
    queued: list[str] = field(default_factory=list)  # new sources left for later runs (per-run cap)
    review: list[str] = field(default_factory=list)  # sources held back for a person to look at
    same_content: list[str] = field(default_factory=list)  # new bytes, same document: no release


def summary_markdown(summary: RunSummary) -> str:
    """The run's Prefect artifact; every value from a page or a server is escaped (`markdown_text`)."""
    lines = [
        f"# yanglao refresh: {markdown_text(summary.message)}",
        "",
        f"- release: **{summary.version}** ({'new' if summary.published else 'unchanged'})",
        f"- documents: {summary.documents} ({summary.extracted} extracted, {summary.reused} unchanged)",
        "",
        "| table | rows |",
        "|---|---:|",
        *[f"| {name} | {count} |" for name, count in summary.rows.items()],
        "",
        "| stage | seconds |",
        "|---|---:|",
        *[f"| {stage} | {seconds:.2f} |" for stage, seconds in summary.stage_seconds.items()],
    ]
    if summary.failures:
        lines += ["", "## Failed sources (their last good data is kept)", ""]
        lines += [f"- {markdown_text(failure)}" for failure in summary.failures]
    if summary.review:
        lines += ["", "## Held back for review (the page now holds another document)", ""]
        lines += [f"- {markdown_text(source_id)}" for source_id in summary.review]
    if summary.queued:
        lines += ["", f"{len(summary.queued)} new sources queued for later runs (per-run cap)."]
    return "\n".join(lines) + "\n"
