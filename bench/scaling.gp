# scaling.gp — time of the seed's loops against message size, log-log.
# bench/run.py calls: gnuplot -e "datafile='...'; outfile='...'" bench/scaling.gp
# Columns of datafile: MiB c_naive c_view py_naive py_view c_recv py_recv
set terminal pngcairo noenhanced size 900,800 font ",10"
set output outfile
set title "Sending a message to a peer that takes at most 1024 bytes per send"
set xlabel "message size (MiB)"
set ylabel "time of the whole loop (s)"
set logscale xy
set xtics (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
set format y "%g"
set xrange [0.8:20]
set grid
set key outside bottom center vertical maxrows 6
plot datafile using 1:2 with linespoints lw 2 pt 7 title "C: naive loop, copy of message[sent:] each step", \
     datafile using 1:4 with linespoints lw 2 pt 5 title "CPython: sock.send(message[sent:]) (bytes)", \
     datafile using 1:5 with linespoints lw 2 pt 9 title "CPython: view = view[sock.send(view):] (memoryview)", \
     datafile using 1:3 with linespoints lw 2 pt 11 title "C: mv_send_all", \
     datafile using 1:7 with linespoints lw 2 dt 2 pt 6 lc rgb "#1f5fa8" title "CPython receive: view = view[sock.recv_into(view, 1024):]", \
     datafile using 1:6 with linespoints lw 2 dt 2 pt 4 lc rgb "#b35900" title "C receive: mv_recv_all(..., 1024, ...)"
