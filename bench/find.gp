# find.gp — mv_find and memmem on the adversarial input, against the needle length, log-log.
# bench/run.py calls: gnuplot -e "datafile='...'; outfile='...'" bench/find.gp
# Columns of datafile: k memview_seconds memmem_seconds (median per call; needle a^k b in a^n b)
set terminal pngcairo noenhanced size 900,650 font ",10"
set output outfile
set title "Finding a^k b in a^n b (n = 1 MiB): time of one call against k"
set xlabel "needle length k (bytes before the final b)"
set ylabel "time of one call (s)"
set logscale xy
set format y "%g"
set format x "%g"
set grid
set key top left
plot datafile using 1:2 with linespoints lw 2 pt 7 title "mv_find", \
     datafile using 1:3 with linespoints lw 2 pt 5 title "memmem (glibc)"
