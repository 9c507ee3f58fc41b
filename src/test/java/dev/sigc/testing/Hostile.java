package dev.sigc.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small seeded generator for the property tests: hostile text built from pieces an escaper can get wrong,
 * and the other values those tests draw (operators, flags, numbers).
 *
 * <p>Each test has its own fixed seed, so every run tries exactly the same values. A test's tries are every
 * edge case of its sources first (each piece alone, the empty value, every character of a small range and the
 * ends of a large one), then random draws until the count is reached. A failure names the seed, the try and the
 * value as a Java string literal, which is enough to reproduce it: rerun the test (the same seed gives the same
 * tries), or paste the value into a test. There is no shrinking: the edge cases come first and values are a few
 * pieces long, so the first failure is usually already small. {@code -Dsigc.hostile.seed=N} runs the tests with
 * seed {@code N} instead, to explore further.
 */
public final class Hostile {
    /** The system property that overrides every test's fixed seed. */
    public static final String SEED_PROPERTY = "sigc.hostile.seed";

    private final long seed;
    private final SplittableRandom random;

    public Hostile(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A generator with the test's fixed seed, unless {@value #SEED_PROPERTY} gives another. */
    public static Hostile seeded(long fixedSeed) {
        String given = System.getProperty(SEED_PROPERTY);
        return new Hostile(given == null || given.isBlank() ? fixedSeed : Long.decode(given.trim()));
    }

    public long seed() {
        return seed;
    }

    // ---- single draws ----

    /** A number in {@code [min, max]}, both included. */
    public int between(int min, int max) {
        return (int) between((long) min, (long) max);
    }

    /** A number in {@code [min, max]}, both included. */
    public long between(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        long span = max - min + 1;
        if (span > 0) {
            return min + random.nextLong(span);
        }
        while (true) { // the span overflows a long: draw until in range
            long v = random.nextLong();
            if (v >= min && v <= max) {
                return v;
            }
        }
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    public final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** One of the enum's constants. */
    public <E extends Enum<E>> E pick(Class<E> type) {
        return pick(type.getEnumConstants());
    }

    // ---- tries ----

    /**
     * {@code count} tries: the edge cases first, in order, then {@code draw} until there are {@code count}.
     * The edge cases must fit in the count.
     */
    public <T> List<T> tries(int count, List<T> edges, Function<Hostile, T> draw) {
        if (edges.size() > count) {
            throw new IllegalArgumentException(edges.size() + " edge cases do not fit in " + count + " tries");
        }
        List<T> out = new ArrayList<>(count);
        out.addAll(edges);
        while (out.size() < count) {
            out.add(draw.apply(this));
        }
        return out;
    }

    /**
     * Runs {@code check} on every try, in order. The first failure is rethrown with the seed, the try and its
     * value (its {@code toString}, which should show text with {@link #literal}) in front of the cause's message.
     */
    public <T> void check(List<T> tries, Consumer<T> check) {
        for (int i = 0; i < tries.size(); i++) {
            T t = tries.get(i);
            try {
                check.accept(t);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(where(i, tries.size()) + ": " + t + "\n" + e.getMessage(), e);
            }
        }
    }

    /** Names a try for a failure message: the seed (and how to rerun with it) and the try's number. */
    public String where(int index, int count) {
        return seedNote() + ", try " + (index + 1) + " of " + count;
    }

    /** The seed, and how to rerun with it, for a failure message. */
    public String seedNote() {
        return "seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + ")";
    }

    /**
     * The text as a Java string literal: quotes and backslashes escaped, everything outside printable ASCII as
     * {@code \}{@code uXXXX} (so invisible characters, lone surrogates and astral pairs show exactly).
     */
    public static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    // ---- sources ----

    /** A way to draw a value, and the edge cases worth trying on their own (each exactly once). */
    public record Source<T>(Function<Hostile, T> draw, List<T> edges) {
        public Source {
            edges = List.copyOf(new LinkedHashSet<>(edges));
        }

        public T next(Hostile h) {
            return draw.apply(h);
        }

        /** Only the values {@code keep} accepts (drawing again until one is); the edge cases likewise. */
        public Source<T> filter(Predicate<T> keep) {
            Function<Hostile, T> d = draw;
            return new Source<>(h -> {
                for (int i = 0; i < 100_000; i++) {
                    T t = d.apply(h);
                    if (keep.test(t)) {
                        return t;
                    }
                }
                throw new IllegalStateException("the filter rejects nearly every value");
            }, edges.stream().filter(keep).toList());
        }

        public <R> Source<R> map(Function<T, R> f) {
            Function<Hostile, T> d = draw;
            return new Source<>(h -> f.apply(d.apply(h)), edges.stream().map(f).toList());
        }

        /** Present with probability {@code p}; the edge cases are the absent value and each present one. */
        public Source<Optional<T>> optional(double p) {
            Function<Hostile, T> d = draw;
            List<Optional<T>> e = new ArrayList<>();
            e.add(Optional.empty());
            edges.forEach(t -> e.add(Optional.of(t)));
            return new Source<>(h -> h.chance(p) ? Optional.of(d.apply(h)) : Optional.empty(), e);
        }
    }

    /** One of the values, each as likely; every value is an edge case. */
    @SafeVarargs
    public static <T> Source<T> of(T... values) {
        List<T> list = new ArrayList<>();
        for (T v : values) {
            list.add(v);
        }
        return new Source<>(h -> h.pick(list), list);
    }

    /**
     * One character, a code point in {@code [from, to]} as a string: a lone surrogate when the range holds
     * surrogates, a surrogate pair above U+FFFF. The edge cases are every character of a range of at most 32
     * (such as the C0 controls), else the two ends.
     */
    public static Source<String> chars(int from, int to) {
        List<String> edges = new ArrayList<>();
        if (to - from < 32) {
            for (int cp = from; cp <= to; cp++) {
                edges.add(Character.toString(cp));
            }
        } else {
            edges.add(Character.toString(from));
            edges.add(Character.toString(to));
        }
        return new Source<>(h -> Character.toString(h.between(from, to)), edges);
    }

    /** A run of {@code min} to {@code max} characters from {@code chars}; the edge cases are its edges, alone. */
    public static Source<String> run(Source<String> chars, int min, int max) {
        List<String> edges = new ArrayList<>();
        if (min == 0) {
            edges.add("");
        }
        chars.edges().forEach(c -> edges.add(c.repeat(Math.max(1, min))));
        return new Source<>(h -> {
            int n = h.between(min, max);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(chars.next(h));
            }
            return sb.toString();
        }, edges);
    }

    /** A source and how often it is drawn relative to the others. */
    public record Weighted<T>(int weight, Source<T> source) {}

    public static <T> Weighted<T> weight(int weight, Source<T> source) {
        return new Weighted<>(weight, source);
    }

    /** Each source as likely; the edge cases are all of theirs. */
    @SafeVarargs
    public static <T> Source<T> oneOf(Source<T>... sources) {
        List<Weighted<T>> options = new ArrayList<>();
        for (Source<T> s : sources) {
            options.add(weight(1, s));
        }
        return frequencyOf(options);
    }

    /** A source picked by weight; the edge cases are all of theirs. */
    @SafeVarargs
    public static <T> Source<T> frequencyOf(Weighted<T>... options) {
        List<Weighted<T>> list = new ArrayList<>();
        for (Weighted<T> o : options) {
            list.add(o);
        }
        return frequencyOf(list);
    }

    private static <T> Source<T> frequencyOf(List<Weighted<T>> options) {
        int total = 0;
        List<T> edges = new ArrayList<>();
        for (Weighted<T> o : options) {
            if (o.weight() <= 0) {
                throw new IllegalArgumentException("weight " + o.weight());
            }
            total += o.weight();
            edges.addAll(o.source().edges());
        }
        int sum = total;
        return new Source<>(h -> {
            int n = h.between(0, sum - 1);
            for (Weighted<T> o : options) {
                n -= o.weight();
                if (n < 0) {
                    return o.source().next(h);
                }
            }
            throw new IllegalStateException();
        }, edges);
    }

    /**
     * Text joined from 0 to {@code maxPieces} pieces, the count uniform; the edge cases are the empty text and
     * each edge case of the pieces alone.
     */
    public static Source<String> joined(Source<String> piece, int maxPieces) {
        List<String> edges = new ArrayList<>();
        edges.add("");
        edges.addAll(piece.edges());
        return new Source<>(h -> {
            int n = h.between(0, maxPieces);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(piece.next(h));
            }
            return sb.toString();
        }, edges);
    }

    /**
     * A number in {@code [min, max]}: half the draws uniform over the range, half with a uniformly drawn number
     * of decimal digits (so small numbers near zero come up as often as large ones). The edge cases are the ends
     * and -1, 0 and 1 where in range.
     */
    public static Source<Long> longs(long min, long max) {
        List<Long> edges = new ArrayList<>(List.of(min, max));
        for (long v : new long[] {0, -1, 1}) {
            if (v >= min && v <= max) {
                edges.add(v);
            }
        }
        long reach = Math.max(Math.abs(Math.max(min, -Long.MAX_VALUE)), Math.abs(max));
        int digits = Long.toString(reach).length();
        return new Source<>(h -> {
            if (h.bool()) {
                return h.between(min, max);
            }
            while (true) {
                int k = h.between(0, digits);
                long bound = k >= 19 ? Long.MAX_VALUE : pow10(k);
                long v = h.between(0, bound - 1) * (h.bool() ? 1 : -1);
                if (v >= min && v <= max) {
                    return v;
                }
            }
        }, edges);
    }

    private static long pow10(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= 10;
        }
        return p;
    }
}
