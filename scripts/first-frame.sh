#!/usr/bin/env bash
# first-frame.sh BIN N [SPEC] (ARGS="--section master" adds flags): start `BIN plan` N times in a tmux pane through
# script(1), which logs when each chunk of output arrived; print the time from
# start to the first chunk that draws the form's border (┃), in ms.
set -euo pipefail
bin=$1; n=$2; spec=${3:-}
dir=$(mktemp -d); sock=$dir/sock
tmux -S $sock -f /dev/null new-session -d -x 120 -y 40 -s ff
for i in $(seq 1 $n); do
  rm -f $dir/spec.yaml; [ -n "$spec" ] && cp "$spec" $dir/spec.yaml
  rm -f $dir/t $dir/o $dir/done
  tmux -S $sock send-keys -t ff "cd $dir && script -q -T $dir/t -O $dir/o -c '$bin plan ${ARGS:-} --spec $dir/spec.yaml' ; touch $dir/done" Enter
  for _ in $(seq 1 200); do grep -q '┃' $dir/o 2>/dev/null && break; sleep 0.05; done
  sleep 0.2
  tmux -S $sock send-keys -t ff C-c
  for _ in $(seq 1 100); do [ -e $dir/done ] && break; sleep 0.05; done
  python3 - "$dir" <<'PY'
import sys
d=sys.argv[1]
data=open(d+'/o','rb').read()
# skip script's header line
start=data.index(b'\n')+1
t=0.0; pos=start
for line in open(d+'/t'):
    parts=line.split()
    delay=float(parts[0]); n=int(parts[1])
    t+=delay
    chunk=data[pos:pos+n]; pos+=n
    if '┃'.encode() in data[start:pos]:
        print(f"{t*1000:.1f}"); break
PY
done
tmux -S $sock kill-server
rm -rf $dir
