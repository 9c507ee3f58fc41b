package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What {@code sigc bench} counts (never how fast: timing has no place in a unit test). */
class BenchCommandTest {
    @Test
    void attemptsAreRulesTimesTargetsAndConversionsOnlyTheQueries() {
        // The windows-logs pack reads Windows channels that the default KQL pipeline (Defender) has no table for,
        // so some of its attempts end in an error: conversions must then be fewer than attempts.
        CliRun run = CliRun.of("bench", "--warmup", "0", "--passes", "2", "sigma-rules/windows-logs");
        assertEquals(0, run.exitCode(), run.err());
        String rules = run.out().lines().filter(l -> l.startsWith("files ")).findFirst().orElseThrow();
        int ruleCount = Integer.parseInt(rules.replaceAll(".*rules (\\d+),.*", "$1"));
        String[] all = run.out().lines().filter(l -> l.startsWith("all ")).findFirst().orElseThrow().trim().split("\\s+");
        int conversions = Integer.parseInt(all[1]);
        int attempts = Integer.parseInt(all[2]);
        assertEquals(3 * ruleCount, attempts, Arrays.toString(all));
        assertTrue(conversions > 0 && conversions < attempts, Arrays.toString(all));
        // the best pass is never slower than the median one
        assertTrue(Double.parseDouble(all[3]) <= Double.parseDouble(all[6]), Arrays.toString(all));
        String[] kql = run.out().lines().filter(l -> l.startsWith("kql ")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals(ruleCount, Integer.parseInt(kql[2]), Arrays.toString(kql));
        assertTrue(Integer.parseInt(kql[1]) < ruleCount, Arrays.toString(kql));
    }
}
