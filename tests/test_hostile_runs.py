"""Runs that go wrong: killed and resumed, unwritable or full outputs, closed pipes."""
import gzip
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest
from runhelp import SEEDS, cli, faulty_code, seed_corpus

from cleaner.io.sinks import FileOutput
from cleaner.model.options import Options


@pytest.fixture
def corpus(tmp_path, root):
    """40 pages, and a bad line every 10th, in one JSONL."""
    return seed_corpus(tmp_path / "corpus.jsonl", root, 40, broken_every=10)


def start_slow(args, cwd, stdin=None, **env):
    """The command in a subprocess whose pages take a while, checkpointing often
    (``stdin``: a file it reads as its standard input)."""
    # Ctrl-C handling on even when the tests run in a background job (a non-interactive
    # shell starts those with SIGINT ignored, and Python then keeps it ignored).
    code = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); " + faulty_code(args)
    env = {**os.environ, "FAULTY_SLEEP": "0.1", "FAULTY_CHECKPOINT": "0.1", **env}
    return subprocess.Popen([sys.executable, "-c", code], cwd=cwd, env=env, stdin=stdin,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_checkpoint(state_path, proc, pages=5, limit=60):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()
        try:
            if json.loads(state_path.read_text())["pages"] >= pages:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    raise AssertionError("no checkpoint")


@pytest.mark.parametrize("name,how", [("out.jsonl", signal.SIGKILL), ("out.jsonl.gz", signal.SIGINT)])
def test_interrupted_run_resumes_to_the_same_output(corpus, tmp_path, capsys, root, name, how):
    out, errors = tmp_path / name, tmp_path / "errors.jsonl"
    partial, state = tmp_path / f".{name}.partial", tmp_path / f".{name}.partial.json"
    args = [str(corpus), "-o", str(out), "-j", "2", "--errors", str(errors)]
    proc = start_slow(args, root)
    wait_for_checkpoint(state, proc)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=60)
    if how == signal.SIGINT:
        assert proc.returncode == 130
        assert err.splitlines()[-1] == f"cleaner: interrupted; {out} not written; rerun with --resume to finish it"
    assert not out.exists() and partial.exists()           # never a half-written output
    done = json.loads(state.read_text())["pages"]
    assert 5 <= done < 40

    code, _, err = cli(args + ["--resume"], capsys)
    assert code == 1                                           # the four broken lines
    assert f"40 pages read, 36 written, 4 failed ({done} of them by the interrupted run resumed)" in err
    assert not partial.exists() and not state.exists()
    resumed, resumed_errors = out.read_bytes(), errors.read_text()

    code, _, _ = cli([str(corpus), "-o", str(tmp_path / "whole.jsonl"), "--errors", str(tmp_path / "e2.jsonl")],
                     capsys)
    whole = (tmp_path / "whole.jsonl").read_bytes()
    assert (gzip.decompress(resumed) if name.endswith(".gz") else resumed) == whole
    assert resumed_errors == (tmp_path / "e2.jsonl").read_text()
    assert len(resumed_errors.splitlines()) == 4


def test_resume_refuses_other_inputs(corpus, tmp_path, capsys, root):
    out = tmp_path / "o.jsonl"
    proc = start_slow([str(corpus), "-o", str(out)], root)
    wait_for_checkpoint(tmp_path / ".o.jsonl.partial.json", proc, pages=1)
    proc.kill()
    proc.communicate()
    code, _, err = cli([str(corpus), str(root / SEEDS[0]), "-o", str(out), "--resume"], capsys)
    assert code == 2
    assert err == (f"cleaner: error: cannot resume {out}: the previous run had other inputs or options; "
                   f"run without --resume to start over\n")
    assert cli([str(corpus), "-o", str(out), "--resume", "--keep-dropped"], capsys)[0] == 2
    # without --resume, a new run starts over
    assert cli([str(corpus), "-o", str(out), "-q"], capsys)[0] == 1
    assert len(out.read_text().splitlines()) == 36


def test_resume_with_nothing_to_resume_starts_over(corpus, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    code, _, err = cli([str(corpus), "-o", str(out), "--resume"], capsys)
    assert code == 1 and f"cleaner: nothing to resume for {out}; starting from the first page" in err
    assert len(out.read_text().splitlines()) == 36
    assert cli([str(corpus), "--resume"], capsys)[2] == "cleaner: error: --resume needs an output file (-o FILE)\n"


def test_another_run_writing_the_same_output(corpus, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    holder = FileOutput(str(out), {}, resume=False)
    try:
        code, _, err = cli([str(corpus), "-o", str(out)], capsys)
    finally:
        holder.close()
    assert code == 2 and err == f"cleaner: error: another cleaner run is writing {out}\n"


def test_unwritable_output(corpus, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "o.jsonl"                   # a folder that is a file: fails even for root
    code, stdout, err = cli([str(corpus), "-o", str(out)], capsys)
    assert code == 2 and stdout == ""
    assert err == f"cleaner: error: cannot write {out}: Not a directory\n"
    code, _, err = cli([str(corpus), "-o", str(tmp_path / "o.jsonl"), "--errors", str(out)], capsys)
    assert code == 2 and err == f"cleaner: error: cannot write {out}: Not a directory\n"
    assert cli([str(corpus), "-o", str(tmp_path)], capsys)[2] == \
        f"cleaner: error: cannot write {tmp_path}: is a folder\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_full_disk(corpus, capsys):
    code, _, err = cli([str(corpus), "-o", "/dev/full"], capsys)
    assert code == 1
    assert err.splitlines()[-1] == "cleaner: error: cannot write /dev/full: No space left on device"
    assert "Traceback" not in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)          # a device is written, never replaced


def test_closed_pipe_is_quiet(corpus, root):
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", str(corpus), "-j", "2"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()                                         # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert json.loads(first)["metadata"]["source_line"] == 1
    assert proc.returncode == 0
    # nothing about the pipe: at most the broken lines already reported before it closed
    assert all(": not valid JSON (" in line for line in err.splitlines()), err


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_run_leaves_no_worker_behind(tmp_path, root):
    src = tmp_path / "hang.jsonl"
    src.write_text('{"text": "HANG-HERE"}\n')
    proc = start_slow([str(src), "-o", str(tmp_path / "o.jsonl"), "--timeout", "0"], root, FAULTY_WORK="faulty")
    end = time.monotonic() + 60
    while len(descendants(proc.pid)) < 3 and time.monotonic() < end:    # tracker, forkserver, worker
        time.sleep(0.1)
    left = descendants(proc.pid)
    assert len(left) >= 3
    time.sleep(0.5)                                           # the worker is spinning on the page
    proc.kill()
    proc.wait(timeout=30)              # not communicate(): a stray worker would hold the pipes open
    proc.stdout.close()
    proc.stderr.close()
    end = time.monotonic() + 20
    while time.monotonic() < end and any(os.path.exists(f"/proc/{p}") for p in left):
        time.sleep(0.1)
    alive = [p for p in left if os.path.exists(f"/proc/{p}")]
    for p in alive:
        os.kill(p, signal.SIGKILL)
    assert not alive


# ------------------------------------------------------------------ issue 18: outputs among the inputs
def run_bounded(args, cwd, timeout=60):
    """The command in a subprocess that cannot hang the test suite."""
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def page_folder(tmp_path, root, pages=40, empty=0):
    """A folder of page files (the seeds again and again), and ``empty`` empty ones."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(pages):
        (folder / f"p{i:03d}.txt").write_bytes((root / SEEDS[i % 5]).read_bytes())
    for i in range(empty):
        (folder / f"e{i:03d}.txt").write_bytes(b"")
    return folder


@pytest.mark.slow
def test_the_errors_file_in_an_input_folder_is_not_read_back(tmp_path, root):
    # It was: every line of the log failed as a page and was appended again (a run without end).
    folder = page_folder(tmp_path, root, pages=1, empty=200)
    errors = folder / "zz_errors.jsonl"
    for _ in range(2):                                          # the second time, the log is there from the start
        proc = run_bounded([str(folder), "-o", str(tmp_path / "o.jsonl"), "--errors", str(errors), "-j", "1"], root)
        assert proc.returncode == 1 and "201 pages read, 1 written, 200 failed" in proc.stderr
        assert len(errors.read_text().splitlines()) == 200
        assert "zz_errors" not in proc.stderr


def test_an_output_that_is_an_input_is_a_usage_error(tmp_path, capsys, root):
    src = seed_corpus(tmp_path / "pages.jsonl", root, 3)
    before = src.read_bytes()
    out = tmp_path / "o.jsonl"
    code, _, err = cli([str(src), "-o", str(out), "--errors", str(src)], capsys)
    assert (code, err) == (2, f"cleaner: error: {src} is both an input and the --errors file\n")
    assert src.read_bytes() == before and not out.exists()
    code, _, err = cli([str(src), "-o", str(out), "--errors", str(out)], capsys)
    assert (code, err) == (2, f"cleaner: error: --errors {out} and -o {out} name the same file\n")
    assert not out.exists()
    (tmp_path / "link.jsonl").symlink_to(src)                   # the input under another name
    code, _, err = cli([str(src), "-o", str(out), "--errors", str(tmp_path / "link.jsonl")], capsys)
    assert code == 2 and "is both an input and the --errors file" in err
    assert src.read_bytes() == before


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_fifo_in_a_folder_is_skipped_and_a_named_one_is_read(tmp_path, root):
    folder = page_folder(tmp_path, root, pages=2)
    os.mkfifo(folder / "p001x.txt")                             # sorted between the two pages
    proc = run_bounded([str(folder), "-o", str(tmp_path / "o.jsonl")], root)
    assert proc.returncode == 1
    assert f"cleaner: {folder / 'p001x.txt'}: not a regular file (a named pipe); skipped\n" in proc.stderr
    assert "3 pages read, 2 written, 1 failed" in proc.stderr
    fifo = tmp_path / "stream.txt"                              # named explicitly: a stream
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat {root / SEEDS[0]} > {fifo}"])
    try:
        proc = run_bounded([str(fifo), "-o", str(tmp_path / "s.jsonl")], root)
    finally:
        writer.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert len((tmp_path / "s.jsonl").read_text().splitlines()) == 1


def interrupted(tmp_path, root, args, out):
    """Start the command, kill it after its first checkpoint; the pages it finished."""
    proc = start_slow(args, root)
    state = out.parent / f".{out.name}.partial.json"
    wait_for_checkpoint(state, proc, pages=3)
    proc.kill()
    proc.communicate()
    return json.loads(state.read_text())["pages"]


@pytest.mark.slow
def test_resume_refuses_changed_input_files(tmp_path, capsys, root):
    folder = page_folder(tmp_path, root)
    out = tmp_path / "o.jsonl"
    interrupted(tmp_path, root, [str(folder), "-o", str(out)], out)
    for i in range(5):                                          # sorted among the finished pages
        (folder / f"p000-{i}.txt").write_bytes((root / SEEDS[1]).read_bytes())
    code, _, err = cli([str(folder), "-o", str(out), "--resume"], capsys)
    assert (code, err) == (2, f"cleaner: error: cannot resume {out}: 5 input files added since the interrupted "
                              f"run ({folder / 'p000-0.txt'}, ...); run without --resume to start over\n")
    for i in range(5):
        (folder / f"p000-{i}.txt").unlink()
    (folder / "p001.txt").write_bytes((root / SEEDS[3]).read_bytes())       # same name, other page
    code, _, err = cli([str(folder), "-o", str(out), "--resume"], capsys)
    assert code == 2 and (f"1 input file changed (size, modification time or inode) since the interrupted run "
                          f"({folder / 'p001.txt'})") in err
    assert (tmp_path / ".o.jsonl.partial").exists()             # refused: nothing touched


@pytest.mark.slow
def test_resume_refuses_the_inputs_named_another_way(tmp_path, capsys, root, monkeypatch):
    # It was accepted, and the records mixed relative and absolute source paths.
    folder = page_folder(tmp_path, root)
    out = tmp_path / "o.jsonl"
    monkeypatch.chdir(tmp_path)
    interrupted(tmp_path, tmp_path, ["pages", "-o", str(out)], out)
    code, _, err = cli([str(folder), "-o", str(out), "--resume"], capsys)
    assert code == 2
    assert (f"cannot resume {out}: the same input files named another way (pages/p000.txt then, "
            f"{folder / 'p000.txt'} now): name the inputs as the interrupted run did") in err
    code, _, err = cli(["pages", "-o", str(out), "--resume", "-q"], capsys)
    assert code == 0
    assert {json.loads(x)["metadata"]["source_path"][:6] for x in out.read_text().splitlines()} == {"pages/"}


# ------------------------------------------------------------------ issue 18: one line, not a traceback
def test_a_closed_stdout_is_one_line(root):
    # It was an AttributeError traceback (sys.stdout is None).
    proc = subprocess.run([sys.executable, "-m", "cleaner", SEEDS[0]], cwd=root, capture_output=False,
                          stderr=subprocess.PIPE, text=True, timeout=60, preexec_fn=lambda: os.close(1))
    assert (proc.returncode, proc.stderr) == (2, "cleaner: error: cannot write to stdout: it is closed\n")


SLOW_RULES = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from cleaner import cli
from cleaner.ruleset import loader
real = loader.load_rule_file
def slow(path):
    sys.stderr.write("loading\\n"); sys.stderr.flush(); time.sleep(0.5)
    return real(path)
loader.load_rule_file = slow
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("args", [["seeds", "-o", "OUT"], ["explain", "seeds/000_4f9533bd8fb762ef.txt"]])
def test_ctrl_c_or_kill_while_the_rules_load_is_exit_130(tmp_path, root, args, how):
    # It was a KeyboardInterrupt traceback and exit -2 (Ctrl-C), or exit -15 (kill).
    args = [str(tmp_path / "o.jsonl") if a == "OUT" else a for a in args]
    proc = subprocess.Popen([sys.executable, "-c", SLOW_RULES, *args], cwd=root, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr.readline() == "loading\n"
    proc.send_signal(how)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130
    assert err.replace("loading\n", "") == "cleaner: interrupted\n"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_forkserver_killed_while_starting_costs_nothing(tmp_path, root):
    # It was an uncaught EOFError (the first worker never started).
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "seeds", "-o", str(tmp_path / "o.jsonl"), "-j", "2"],
                            cwd=root, stderr=subprocess.PIPE, text=True)
    end, killed = time.monotonic() + 60, False
    while not killed and time.monotonic() < end and proc.poll() is None:
        for pid in descendants(proc.pid):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if b"forkserver" in f.read():
                        os.kill(pid, signal.SIGKILL)
                        killed = True
                        break
            except OSError:
                continue
        time.sleep(0.005)
    err = proc.communicate(timeout=120)[1]
    assert killed
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert "5 pages read, 5 written, 0 failed" in err


def test_resume_refuses_edited_rule_files(tmp_path, root):
    from cleaner.run.job import Job, fingerprint, resume_mismatch
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "demo.yaml").write_text("id: demo\nmatch:\n  hosts: [demo.example]\n")
    job = Job([str(root / SEEDS[0])], str(tmp_path / "o.jsonl"), options=Options(rules_dirs=[str(rules)]))
    before = fingerprint(job)
    assert fingerprint(job) == before
    (rules / "demo.yaml").write_text("id: demo\nmatch:\n  hosts: [demo.example, other.example]\n")
    after = fingerprint(job)
    assert after != before
    assert resume_mismatch(before, after) == "the rule files changed since the interrupted run"


def test_resume_says_standard_input_is_not_checked(corpus, tmp_path, capsys, root, monkeypatch):
    out = tmp_path / "o.jsonl"
    page = (root / SEEDS[0]).read_bytes()
    args = ["-", str(corpus), "-o", str(out)]
    with open(root / SEEDS[0], "rb") as fh:
        proc = start_slow(args, root, stdin=fh)
    wait_for_checkpoint(tmp_path / ".o.jsonl.partial.json", proc, pages=2)
    proc.kill()
    proc.communicate()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    code, _, err = cli(args + ["--resume", "-q"], capsys)
    assert code == 1                                            # the four broken lines
    assert "--resume cannot check standard input" in err       # a warning: -q does not hide it
    assert len(out.read_text().splitlines()) == 37
