#!/usr/bin/env python3
"""Runs a command as a child subreaper and logs the CPU of every orphan it reaps.

sshd does not wait for a closed subsystem, so the remote pwsh of a PowerShell remoting session ends as an
orphan: without a subreaper its CPU goes to PID 1 and no parent's cutime ever shows it. Under this wrapper
the orphans of the whole benchmark come here instead; each is reaped with wait4 and logged as
"<pid> <user+sys CPU seconds>" to $FLEET_BENCH_REAPED, which bench/run-contender.mjs attributes to the
controller or the remote side by the process trees it saw.

    python3 bench/subreaper.py node bench/fleet-bench.mjs ...
"""
import ctypes
import os
import signal
import sys
import tempfile

PR_SET_CHILD_SUBREAPER = 36

libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit("subreaper: prctl(PR_SET_CHILD_SUBREAPER) failed")
log_fd, log_path = tempfile.mkstemp(prefix="fleet-bench-reaped-")
os.environ["FLEET_BENCH_REAPED"] = log_path
main = os.fork()
if main == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
# Ctrl-C reaches the whole foreground group; the benchmark cleans up its lab itself.
signal.signal(signal.SIGINT, signal.SIG_IGN)
code = None
while True:
    try:
        # Once the benchmark is gone, take only what is already dead: never wait on a stray process.
        pid, status, usage = os.wait4(-1, 0 if code is None else os.WNOHANG)
    except ChildProcessError:
        break
    except InterruptedError:
        continue
    if pid == 0:
        break
    if pid == main:
        code = os.waitstatus_to_exitcode(status)
        continue
    os.write(log_fd, f"{pid} {usage.ru_utime + usage.ru_stime:.3f}\n".encode())
os.close(log_fd)
os.unlink(log_path)
sys.exit(code if code >= 0 else 128 - code)
