#!/bin/sh
# Starts pwsh as the leader of its own process group (setsid execs in place, keeping the PID), so one
# group kill ends pwsh and every ssh it started. node-powershell forces detached:false, hence this shim.
exec setsid "${FLEET_SCAN_PWSH_EXE:-pwsh}" "$@"
