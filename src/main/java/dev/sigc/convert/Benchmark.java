package dev.sigc.convert;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures conversion speed in-process: the first (cold) pass over the rules, then warm passes per target
 * and for all targets together, and the peak heap the JVM saw. Reading the files from disk is part of
 * every pass (it is part of every real run); writing outputs is not.
 */
public final class Benchmark {
    /** One measured configuration: which targets, how many conversions a pass makes, best seconds per pass. */
    public record Row(String targets, int conversions, double secondsPerPass, double conversionsPerSecond) {}

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
        for (int i = 0; i < warmup; i++) {
            conversions = converter.convert(files, targets).outputs().size();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            conversions = converter.convert(files, targets).outputs().size();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new Row(name, conversions, best, conversions / best);
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
