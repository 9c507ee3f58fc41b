package dev.sigc.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** A tiny seeded generator for property tests: the same seed gives the same cases, run after run. */
final class Gen {
    private final Random random;

    Gen(long seed) {
        this.random = new Random(seed);
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = between(min, max);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** One of the suppliers, picked by weight. */
    @SafeVarargs
    final <T> T weighted(Weighted<T>... options) {
        int total = 0;
        for (Weighted<T> o : options) {
            total += o.weight();
        }
        int pick = random.nextInt(total);
        for (Weighted<T> o : options) {
            pick -= o.weight();
            if (pick < 0) {
                return o.value().get();
            }
        }
        throw new IllegalStateException();
    }

    record Weighted<T>(int weight, Supplier<T> value) {}

    static <T> Weighted<T> w(int weight, Supplier<T> value) {
        return new Weighted<>(weight, value);
    }
}
