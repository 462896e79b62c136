"""Peak memory and CPU time of a command and every process it starts (not shipped): Ray's too.

``time -v`` sees only the process it starts; ``frontlines batch`` runs Ray beside it (GCS server,
raylet, one worker per actor, each a child of the driver or of the raylet). This runs the command
and reads /proc every ``--every`` seconds over the whole process tree: the peak resident set
and proportional set (PSS: shared pages split among the processes that map them) of each process
(named by its command line, Ray workers by their ``ray::`` title) and the peaks of their sums at
one moment; ``--timeline`` writes every sample's sums. Linux only (/proc).

CPU: each process's user+system time (/proc/PID/stat, the last value seen before it ended, so a
process that lives less than one sample interval is missed), summed per role (the command
itself, the analysis workers, Ray Data's helper actors, Ray's idle workers and Ray's own system
processes), with the load average at the start and end. For the analysis workers it also says
how long each was busy (a sample interval in which it used over half a core) and the tail: from
the moment the first worker stopped being busy for good to the moment the last one did.

    .venv/bin/python scripts/tree_memory.py [--every 0.2] [--json FILE] -- COMMAND...
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")
BUSY = 0.5  # share of a core in one sample interval that counts a worker as busy
WORKER_MARKS = ("MapWorker", "Analyser", "AnalysisActor")  # Ray titles of the analysis actors


def role(pid: int, root: int, name: str) -> str:
    """Which part of the batch a process is: the command, an analysis worker, a Ray Data
    helper actor, an idle Ray worker or one of Ray's own processes (anything else: other)."""
    if pid == root:
        return "driver"
    if name.startswith("ray::"):
        if any(mark in name for mark in WORKER_MARKS):
            return "analysis workers"
        if name.startswith("ray::IDLE"):
            return "ray idle workers"
        if "Agent" in name:  # ray::DashboardAgent, ray::RuntimeEnvAgent
            return "ray system"
        return "ray data actors"
    if "ray" in name or "gcs_server" in name:  # raylet, gcs_server, dashboard, monitors
        return "ray system"
    return "other"


def cpu_seconds(pid: int, proc: Path = Path("/proc")) -> float:
    """User plus system CPU time of ``pid`` so far, in seconds (/proc/PID/stat)."""
    fields = (proc / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def thread_cpu(pid: int, proc: Path = Path("/proc")) -> dict[int, tuple[str, float]]:
    """tid -> (thread name, CPU seconds) for each thread of ``pid``."""
    found: dict[int, tuple[str, float]] = {}
    for task in (proc / str(pid) / "task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        found[int(task.name)] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def load_average(proc: Path = Path("/proc")) -> list[float]:
    return [float(x) for x in (proc / "loadavg").read_text().split()[:3]]


@dataclass
class Cpu:
    """CPU seconds per process (last seen) and, for analysis workers, their busy intervals."""

    seconds: dict[int, float] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)
    busy: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # (start, end)
    last_at: float = 0.0
    driver_threads: dict[int, tuple[str, float]] = field(default_factory=dict)

    def per_driver_thread(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for name, seconds in self.driver_threads.values():
            found[name] = found.get(name, 0.0) + seconds
        return found

    def sample(self, cpu: dict[int, tuple[str, float]], *, root: int, at: float) -> None:
        for pid, (name, seconds) in cpu.items():
            before = self.seconds.get(pid, 0.0)
            self.seconds[pid] = seconds
            self.roles[pid] = role(pid, root, name)
            interval = at - self.last_at
            working = self.roles[pid] == "analysis workers" and self.last_at and interval > 0
            if working and (seconds - before) / interval > BUSY:
                self.busy.setdefault(pid, []).append((self.last_at, at))
        self.last_at = at

    def per_role(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for pid, seconds in self.seconds.items():
            found[self.roles[pid]] = found.get(self.roles[pid], 0.0) + seconds
        return found

    def workers(self) -> dict[str, object]:
        """Each worker's CPU, busy seconds, first and last busy moment; the tail between them."""
        rows = []
        for pid, spans in sorted(self.busy.items()):
            rows.append(
                {
                    "pid": pid,
                    "cpu_s": round(self.seconds[pid], 1),
                    "busy_s": round(sum(end - start for start, end in spans), 1),
                    "first_busy_s": round(spans[0][0], 1),
                    "last_busy_s": round(spans[-1][1], 1),
                }
            )
        ends = [row["last_busy_s"] for row in rows]
        tail = round(max(ends) - min(ends), 1) if len(ends) > 1 else 0.0
        return {"workers": rows, "tail_s": tail}


@dataclass
class Peaks:
    """Peak RSS (KB) per process id, its name, and the peak of the tree's total at one time."""

    per_pid: dict[int, int] = field(default_factory=dict)
    pss_per_pid: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    total_kb: int = 0
    pss_kb: int = 0
    samples: int = 0
    pss_at_peak: dict[int, int] = field(default_factory=dict)  # each pid's PSS when the sum peaked

    def sample(self, rss: dict[int, tuple[str, int, int]]) -> None:
        self.samples += 1
        self.total_kb = max(self.total_kb, sum(kb for _, kb, _ in rss.values()))
        pss_total = sum(pss for _, _, pss in rss.values())
        if pss_total > self.pss_kb:
            self.pss_kb = pss_total
            self.pss_at_peak = {pid: pss for pid, (_, _, pss) in rss.items()}
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


def sample_tree(
    root: int,
) -> tuple[dict[int, tuple[str, int, int]], dict[int, tuple[str, float]]]:
    """pid -> (name, RSS KB, PSS KB), and pid -> (name, CPU seconds), for ``root`` and every
    process under it."""
    found: dict[int, tuple[str, int, int]] = {}
    cpu: dict[int, tuple[str, float]] = {}
    for pid in descendants(root, children()):
        try:
            name = process_name(pid)
            cpu[pid] = (name, cpu_seconds(pid))
            found[pid] = (name, resident_kb(pid), proportional_kb(pid))
        except (OSError, IndexError, ValueError):  # ended while read
            continue
    return found, cpu


@dataclass
class Run:
    """What watching a command found: its exit status, wall time, memory, CPU, load average."""

    exit: int
    wall: float
    peaks: Peaks
    cpu: Cpu
    load_before: list[float]
    load_after: list[float]

    def pss_per_role(self) -> dict[str, float]:
        """MB of PSS per role at the moment the tree's total PSS peaked."""
        found: dict[str, float] = {}
        for pid, kb in self.peaks.pss_at_peak.items():
            name = self.cpu.roles.get(pid, "other")
            found[name] = found.get(name, 0.0) + kb / 1024
        return found

    def report(self) -> list[str]:
        lines = [
            f"{kb / 1024:8.1f} MB RSS {pss / 1024:8.1f} MB PSS  pid {pid:>7}  {name}"
            for pid, name, kb, pss in self.peaks.rows()
        ]
        lines.append(
            f"exit {self.exit}, wall {self.wall:.1f} s, {self.peaks.samples} samples; "
            f"peak of the tree's total RSS {self.peaks.total_kb / 1024:.1f} MB, "
            f"of its total PSS {self.peaks.pss_kb / 1024:.1f} MB"
        )
        roles = self.pss_per_role()
        lines.append(
            "PSS per role at the tree's peak: "
            + ", ".join(f"{name} {mb:.0f} MB" for name, mb in sorted(roles.items()))
        )
        cpu = self.cpu.per_role()
        lines.append("CPU per role:")
        lines += [f"{seconds:8.1f} s CPU  {name}" for name, seconds in sorted(cpu.items())]
        lines.append(f"{sum(cpu.values()):8.1f} s CPU  in all; wall {self.wall:.1f} s")
        threads = sorted(self.cpu.per_driver_thread().items(), key=lambda kv: -kv[1])
        lines.append(
            "driver threads: " + ", ".join(f"{name} {sec:.1f} s" for name, sec in threads[:8])
        )
        workers = self.cpu.workers()
        for row in workers["workers"]:  # type: ignore[attr-defined]
            lines.append(
                f"worker {row['pid']}: {row['cpu_s']} s CPU, busy {row['busy_s']} s "
                f"from {row['first_busy_s']} s to {row['last_busy_s']} s"
            )
        lines.append(f"tail (one worker done, another busy): {workers['tail_s']} s")
        lines.append(f"load average before {self.load_before}, after {self.load_after}")
        return lines

    def payload(self) -> dict[str, object]:
        rows = [
            {"pid": pid, "name": name, "peak_mb": kb / 1024, "peak_pss_mb": pss / 1024}
            for pid, name, kb, pss in self.peaks.rows()
        ]
        per_process = [
            {"pid": pid, "role": self.cpu.roles[pid], "cpu_s": round(sec, 1)}
            for pid, sec in sorted(self.cpu.seconds.items(), key=lambda kv: -kv[1])
        ]
        return {
            "exit": self.exit,
            "wall_s": self.wall,
            "processes": rows,
            "total_peak_mb": self.peaks.total_kb / 1024,
            "total_pss_peak_mb": self.peaks.pss_kb / 1024,
            "pss_mb_per_role_at_peak": {k: round(v) for k, v in self.pss_per_role().items()},
            "cpu_s_per_role": {k: round(v, 1) for k, v in self.cpu.per_role().items()},
            "cpu_s_per_process": per_process,
            "cpu_s_per_driver_thread": {
                k: round(v, 1) for k, v in self.cpu.per_driver_thread().items()
            },
            "analysis_workers": self.cpu.workers(),
            "load_average": {"before": self.load_before, "after": self.load_after},
        }


def watch(command: list[str], *, every: float, timeline_path: Path | None) -> Run:
    """Run ``command``, sampling its process tree every ``every`` seconds until it ends."""
    peaks = Peaks()
    cpu = Cpu()
    load_before = load_average()
    started = time.perf_counter()
    child = subprocess.Popen(command)  # noqa: S603 (the command given on purpose)
    timeline = timeline_path.open("w") if timeline_path is not None else None
    if timeline is not None:
        timeline.write("seconds\ttotal_rss_mb\ttotal_pss_mb\tcommand_rss_mb\tprocesses\n")
    while child.poll() is None:
        found, times = sample_tree(child.pid)
        peaks.sample(found)
        cpu.sample(times, root=child.pid, at=time.perf_counter() - started)
        with contextlib.suppress(OSError):  # the command ended
            cpu.driver_threads.update(thread_cpu(child.pid))
        if timeline is not None:
            own = found.get(child.pid, ("", 0, 0))[1] / 1024
            rss = sum(kb for _, kb, _ in found.values()) / 1024
            pss = sum(kb for _, _, kb in found.values()) / 1024
            seconds = time.perf_counter() - started
            timeline.write(f"{seconds:.1f}\t{rss:.0f}\t{pss:.0f}\t{own:.0f}\t{len(found)}\n")
            timeline.flush()
        time.sleep(every)
    if timeline is not None:
        timeline.close()
    wall = time.perf_counter() - started
    return Run(child.returncode, wall, peaks, cpu, load_before, load_average())


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
    run = watch(command, every=args.every, timeline_path=args.timeline)
    sys.stderr.write("\n".join(["peak memory per process:", *run.report()]) + "\n")
    if args.json is not None:
        args.json.write_text(json.dumps(run.payload(), indent=2))
    return run.exit


if __name__ == "__main__":
    sys.exit(main())
