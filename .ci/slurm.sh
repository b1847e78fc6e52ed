#!/usr/bin/env bash
# A real single-node Slurm (Debian's slurmctld, slurmd, munge) without systemd, for the
# Slurm test (tests/slurm.rs) in CI.
#   .ci/slurm.sh up DIR     install the packages if missing, start munged (unless one already
#                           answers), slurmctld and slurmd, wait until the node is idle
#   .ci/slurm.sh down DIR   stop exactly the daemons that `up DIR` started
# The configuration, state, spool, logs and pids live under DIR: clients find the cluster
# with `export SLURM_CONF=DIR/slurm.conf` (nothing is written to /etc/slurm). munge uses the
# system key (/etc/munge/munge.key, created if missing) and socket. Needs root and free
# ports 6817/6818. Jobs run as the submitting user on this machine.
set -euo pipefail
usage() { echo "usage: .ci/slurm.sh up|down DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
W=$2

stop() {
  [ -f "$W/pids" ] || return 0
  local pids p
  pids=$(cat "$W/pids")
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for p in $pids; do # wait until gone (a zombie counts as gone)
    for _ in $(seq 100); do
      [ -e "/proc/$p" ] || break
      [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ] || break
      sleep 0.1
    done
  done
  rm -f "$W/pids"
}

case $cmd in
  down) stop; exit 0 ;;
  up) ;;
  *) usage ;;
esac

[ "$(id -u)" -eq 0 ] || { echo "error: .ci/slurm.sh up needs root (it starts munged and slurmd)" >&2; exit 2; }
[ ! -s "$W/pids" ] || { echo "error: $W/pids exists: a Slurm from this DIR may still run; run '.ci/slurm.sh down $W' first" >&2; exit 2; }
for port in 6817 6818; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: port $port is in use (another slurmctld/slurmd?); stop it first" >&2
    exit 2
  fi
done

mkdir -p "$W"/{state,spool,log}
W=$(cd "$W" && pwd)
export DEBIAN_FRONTEND=noninteractive
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
  || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

: > "$W/pids"
munge_ok() { { munge -n </dev/null | unmunge; } >/dev/null 2>&1; }
if munge_ok; then
  echo "munged: using the one already running"
else
  [ -s /etc/munge/munge.key ] || mungekey --create --force
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  chmod 755 /run/munge
  # --force: a socket left behind by a dead munged (munge_ok failed) is replaced.
  setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground --force \
    >"$W/log/munged.out" 2>&1 &
  echo $! >> "$W/pids"
  for _ in $(seq 50); do munge_ok && break; sleep 0.1; done
  munge_ok || { echo "error: munged did not start; see $W/log/munged.out" >&2; stop; exit 1; }
fi

HOST=$(hostname -s)
CPUS=$(nproc)
MEM=$(awk '/MemTotal/{print int($2/1024*0.9)}' /proc/meminfo)
cat > "$W/slurm.conf" <<CONF
ClusterName=local
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MailProg=/bin/true
StateSaveLocation=$W/state
SlurmdSpoolDir=$W/spool
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/log/slurmctld.log
SlurmdLogFile=$W/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$W/slurm.conf

slurmctld -D -i >"$W/log/slurmctld.out" 2>&1 &
echo $! >> "$W/pids"
slurmd -D >"$W/log/slurmd.out" 2>&1 &
echo $! >> "$W/pids"
up() { sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; }
for _ in $(seq 150); do up && break; sleep 0.2; done
up || { echo "error: Slurm did not come up; logs in $W/log" >&2; stop; exit 1; }
echo "slurm up: $(sinfo -h -o '%P %D %c %t') (export SLURM_CONF=$SLURM_CONF)"
# Finished jobs stay visible to `scontrol show job` for 300 s (MinJobAge); `sacct` needs
# slurmdbd, which is not started: wait for jobs by polling scontrol or squeue.
