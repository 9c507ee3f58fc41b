package dev.sigc.convert;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures conversion speed in-process: the first (cold) pass over the rules, then warm passes per target
 * and for all targets together, and the peak heap the JVM saw. Reading the files from disk is part of
 * every pass (it is part of every real run); writing outputs is not. Besides wall time it reports the CPU time
 * the process used and the time spent collecting garbage per pass, which say more than wall time on a machine
 * shared with other work.
 */
public final class Benchmark {
    /**
     * One measured configuration: which targets, how many conversions a pass makes (rules that became a query),
     * how many rule-to-target attempts it makes (rules times targets: each ends in a query or a one-line error,
     * and both are work done), best seconds per pass, and per pass on average the CPU seconds of the whole process
     * (all threads, GC and compiler included) and the seconds spent in garbage collection.
     */
    public record Row(String targets, int conversions, int attempts, double secondsPerPass,
                      double medianSecondsPerPass, double cpuSecondsPerPass, double gcSecondsPerPass) {
        public double conversionsPerSecond() {
            return conversions / secondsPerPass;
        }

        /** At the median pass: on a machine whose speed drifts, a fairer figure than the best pass. */
        public double medianConversionsPerSecond() {
            return conversions / medianSecondsPerPass;
        }

        public double attemptsPerSecond() {
            return attempts / secondsPerPass;
        }
    }

    /** {@code peakHeapBytes}: the sum of the heap pools' peak use (garbage not yet collected included). */
    public record Report(int files, int rules, double coldSeconds, List<Row> rows, long peakHeapBytes) {}

    private final Converter converter = new Converter();

    public Report run(List<RuleFile> files, List<Converter.Target> targets, int warmupPasses, int passes) {
        resetPeaks();
        long t0 = System.nanoTime();
        Converter.Result cold = converter.convert(files, targets);
        double coldSeconds = (System.nanoTime() - t0) / 1e9;
        List<Row> rows = new ArrayList<>();
        for (Converter.Target t : targets) {
            rows.add(measure(t.backend().id(), files, List.of(t), warmupPasses, passes));
        }
        if (targets.size() > 1) {
            rows.add(measure("all", files, targets, warmupPasses, passes));
        }
        return new Report(files.size(), cold.rules(), coldSeconds, rows, peakHeap());
    }

    private Row measure(String name, List<RuleFile> files, List<Converter.Target> targets, int warmup, int passes) {
        int conversions = 0;
        int attempts = 0;
        for (int i = 0; i < warmup; i++) {
            conversions = converter.convert(files, targets).outputs().size();
        }
        double[] seconds = new double[passes];
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            Converter.Result result = converter.convert(files, targets);
            conversions = result.outputs().size();
            attempts = result.rules() * targets.size();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        double cpu = cpu0 < 0 ? Double.NaN : (processCpuNanos() - cpu0) / 1e9 / passes;
        java.util.Arrays.sort(seconds);
        double median = passes % 2 == 1 ? seconds[passes / 2] : (seconds[passes / 2 - 1] + seconds[passes / 2]) / 2;
        return new Row(name, conversions, attempts, seconds[0], median, cpu, (gcMillis() - gc0) / 1e3 / passes);
    }

    /** CPU time of the whole process, or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the run started. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
