"""Peak memory of a command and every process it starts (not shipped): Ray's raylet and workers.

``time -v`` sees only the process it starts; ``frontlines batch`` runs Ray beside it (GCS server,
raylet, one worker per actor, each a child of the driver or of the raylet). This runs the command
and reads /proc every ``--every`` seconds over the whole process tree: the peak resident set
and proportional set (PSS: shared pages split among the processes that map them) of each process
(named by its command line, Ray workers by their ``ray::`` title) and the peaks of their sums at
one moment; ``--timeline`` writes every sample's sums. Linux only (/proc).

    .venv/bin/python scripts/tree_memory.py [--every 0.2] [--json FILE] -- COMMAND...
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Peaks:
    """Peak RSS (KB) per process id, its name, and the peak of the tree's total at one time."""

    per_pid: dict[int, int] = field(default_factory=dict)
    pss_per_pid: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    total_kb: int = 0
    pss_kb: int = 0
    samples: int = 0

    def sample(self, rss: dict[int, tuple[str, int, int]]) -> None:
        self.samples += 1
        self.total_kb = max(self.total_kb, sum(kb for _, kb, _ in rss.values()))
        self.pss_kb = max(self.pss_kb, sum(pss for _, _, pss in rss.values()))
        for pid, (name, kb, pss) in rss.items():
            self.pss_per_pid[pid] = max(self.pss_per_pid.get(pid, 0), pss)
            if kb >= self.per_pid.get(pid, 0):
                self.names[pid] = name
                self.per_pid[pid] = kb

    def rows(self) -> list[tuple[int, str, int, int]]:
        """(pid, name, peak RSS KB, peak PSS KB), largest RSS first."""
        found = [
            (pid, self.names[pid], kb, self.pss_per_pid.get(pid, 0))
            for pid, kb in self.per_pid.items()
        ]
        return sorted(found, key=lambda row: -row[2])


def children(proc: Path = Path("/proc")) -> dict[int, list[int]]:
    """Parent pid -> its children's pids, from /proc/PID/stat."""
    tree: dict[int, list[int]] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone between listing and reading
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def descendants(root: int, tree: dict[int, list[int]]) -> list[int]:
    found, todo = [root], [root]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def process_name(pid: int, proc: Path = Path("/proc")) -> str:
    raw = (proc / str(pid) / "cmdline").read_bytes()
    words = [word for word in raw.decode(errors="replace").split("\0") if word]
    if not words:
        return (proc / str(pid) / "comm").read_text().strip()
    if words[0].startswith("ray::"):
        return words[0]
    return " ".join(Path(words[0]).name if n == 0 else w for n, w in enumerate(words[:3]))[:80]


def resident_kb(pid: int, proc: Path = Path("/proc")) -> int:
    """Resident set of ``pid`` in KB (/proc/PID/statm's second field, in pages)."""
    return int((proc / str(pid) / "statm").read_text().split()[1]) * PAGE_KB


def proportional_kb(pid: int, proc: Path = Path("/proc")) -> int:
    """Proportional set size of ``pid`` in KB (/proc/PID/smaps_rollup's Pss)."""
    for line in (proc / str(pid) / "smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def sample_tree(root: int) -> dict[int, tuple[str, int, int]]:
    """pid -> (name, RSS KB, PSS KB) for ``root`` and every process under it."""
    found: dict[int, tuple[str, int, int]] = {}
    for pid in descendants(root, children()):
        try:
            found[pid] = (process_name(pid), resident_kb(pid), proportional_kb(pid))
        except (OSError, IndexError, ValueError):  # ended while read
            continue
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.2, help="seconds between samples")
    parser.add_argument("--json", type=Path, default=None, help="write the peaks here too")
    parser.add_argument(
        "--timeline", type=Path, default=None, help="write each sample's totals here (TSV)"
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command after --")
    peaks = Peaks()
    started = time.perf_counter()
    child = subprocess.Popen(command)  # noqa: S603 (the command given on purpose)
    timeline = args.timeline.open("w") if args.timeline is not None else None
    if timeline is not None:
        timeline.write("seconds\ttotal_rss_mb\ttotal_pss_mb\tcommand_rss_mb\tprocesses\n")
    while child.poll() is None:
        found = sample_tree(child.pid)
        peaks.sample(found)
        if timeline is not None:
            own = found.get(child.pid, ("", 0, 0))[1] / 1024
            rss = sum(kb for _, kb, _ in found.values()) / 1024
            pss = sum(kb for _, _, kb in found.values()) / 1024
            seconds = time.perf_counter() - started
            timeline.write(f"{seconds:.1f}\t{rss:.0f}\t{pss:.0f}\t{own:.0f}\t{len(found)}\n")
            timeline.flush()
        time.sleep(args.every)
    if timeline is not None:
        timeline.close()
    wall = time.perf_counter() - started
    lines = [
        f"{kb / 1024:8.1f} MB RSS {pss / 1024:8.1f} MB PSS  pid {pid:>7}  {name}"
        for pid, name, kb, pss in peaks.rows()
    ]
    summary = (
        f"exit {child.returncode}, wall {wall:.1f} s, {peaks.samples} samples; "
        f"peak of the tree's total RSS {peaks.total_kb / 1024:.1f} MB, "
        f"of its total PSS {peaks.pss_kb / 1024:.1f} MB"
    )
    sys.stderr.write("\n".join(["peak memory per process:", *lines, summary]) + "\n")
    if args.json is not None:
        rows = [
            {"pid": pid, "name": name, "peak_mb": kb / 1024, "peak_pss_mb": pss / 1024}
            for pid, name, kb, pss in peaks.rows()
        ]
        payload = {"exit": child.returncode, "wall_s": wall, "processes": rows}
        payload["total_peak_mb"] = peaks.total_kb / 1024
        payload["total_pss_peak_mb"] = peaks.pss_kb / 1024
        args.json.write_text(json.dumps(payload, indent=2))
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
