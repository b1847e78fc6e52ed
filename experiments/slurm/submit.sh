#!/usr/bin/env bash
# Submits a sweep to Slurm: an array job of N tasks (task i runs shard i/N, see
# sweep-array.sbatch) and a merge job that starts only when every task has succeeded
# (--dependency=afterok), writing OUT_ROOT/merged.
#
#   submit.sh [options] EXPERIMENT N OUT_ROOT
#
# options:
#   -p, --partition P   partition (default: the cluster's default)
#   -t, --time T        time limit of each task and of the merge, e.g. 30:00 or 2:00:00
#   -c, --cpus C        CPUs per task = sweep threads per shard (default 1)
#   --tasks LIST        submit only these array tasks (e.g. 2 or 2,5-7) and a new merge:
#                       how a failed task is re-run
#   --bin PATH          the undercurrent binary (default: `undercurrent` on PATH)
#
# Other sbatch options go through sbatch's own environment variables (SBATCH_ACCOUNT,
# SBATCH_QOS, ...). Paths must be visible from the compute nodes (a shared filesystem).
set -euo pipefail

usage() {
  {
    echo "usage: submit.sh [options] EXPERIMENT N OUT_ROOT"
    sed -n '8,17p' "$0" | sed 's/^# \{0,1\}//'
  } >&2
  exit 2
}
die() {
  echo "error: $*" >&2
  exit 2
}

partition=""
time_limit=""
cpus=1
tasks=""
bin=undercurrent
args=()
while [ $# -gt 0 ]; do
  case $1 in
    -p | --partition) [ $# -ge 2 ] || usage; partition=$2; shift 2 ;;
    -t | --time) [ $# -ge 2 ] || usage; time_limit=$2; shift 2 ;;
    -c | --cpus) [ $# -ge 2 ] || usage; cpus=$2; shift 2 ;;
    --tasks) [ $# -ge 2 ] || usage; tasks=$2; shift 2 ;;
    --bin) [ $# -ge 2 ] || usage; bin=$2; shift 2 ;;
    -h | --help) usage ;;
    --) shift; args+=("$@"); break ;;
    -*) echo "error: unknown option $1" >&2; usage ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#args[@]} -eq 3 ] || usage
experiment=${args[0]}
n=${args[1]}
root=${args[2]}

[ -f "$experiment" ] || die "experiment file '$experiment' not found"
[ -r "$experiment" ] || die "experiment file '$experiment' is not readable"
[[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a whole number >= 1, not '$n'"
[[ $cpus =~ ^[1-9][0-9]*$ ]] || die "--cpus must be a whole number >= 1, not '$cpus'"
if [ -z "$tasks" ]; then
  tasks=1-$n
else
  [[ $tasks =~ ^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$ ]] \
    || die "--tasks must be task numbers and ranges such as 2 or 2,5-7, not '$tasks'"
  for t in ${tasks//[,-]/ }; do
    ((10#$t >= 1 && 10#$t <= n)) || die "--tasks: task $t is not a shard of 1..$n"
  done
fi
command -v sbatch >/dev/null || die "sbatch not found: run this on a Slurm login node"
resolved=$(command -v "$bin") || die "undercurrent binary '$bin' not found (build it with cargo build --release; give it with --bin PATH)"
bin=$(realpath "$resolved")
[ -x "$bin" ] || die "$bin is not executable"

here=$(dirname "$(realpath "$0")")
experiment=$(realpath "$experiment")
mkdir -p "$root/logs"
root=$(realpath "$root")

common=(--parsable --export="ALL,UNDERCURRENT_BIN=$bin")
opts=()
[ -z "$partition" ] || opts+=(--partition="$partition")
[ -z "$time_limit" ] || opts+=(--time="$time_limit")

array_id=$(sbatch "${common[@]}" ${opts[@]+"${opts[@]}"} --array="$tasks" --cpus-per-task="$cpus" \
  --output="$root/logs/sweep-%A_%a.out" \
  "$here/sweep-array.sbatch" "$experiment" "$n" "$root")
array_id=${array_id%%;*}
merge_id=$(sbatch "${common[@]}" ${opts[@]+"${opts[@]}"} --dependency="afterok:$array_id" \
  --kill-on-invalid-dep=yes --output="$root/logs/merge-%j.out" \
  "$here/merge.sbatch" "$n" "$root")
merge_id=${merge_id%%;*}

again=("$here/submit.sh")
[ -z "$partition" ] || again+=(-p "$partition")
[ -z "$time_limit" ] || again+=(-t "$time_limit")
[ "$cpus" = 1 ] || again+=(-c "$cpus")
again+=(--bin "$bin" --tasks I "$experiment" "$n" "$root")
cat <<MSG
submitted array job $array_id (tasks $tasks; task i writes shard i/$n to $root/shard-i, log $root/logs/sweep-${array_id}_i.out)
submitted merge job $merge_id (starts when every task of $array_id has succeeded; writes $root/merged, log $root/logs/merge-$merge_id.out)
watch: squeue -j $array_id,$merge_id
If task I fails, Slurm cancels the merge job. Fix the cause (see its log); once the other
tasks have finished, re-run task I alone (it resumes its shard) with a new merge:
  ${again[*]}
(by hand: sbatch --array=I ... sweep-array.sbatch ...; then sbatch --dependency=afterok:<that job> ... merge.sbatch $n $root)
MSG
