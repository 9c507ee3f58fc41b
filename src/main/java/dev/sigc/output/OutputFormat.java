package dev.sigc.output;

import dev.sigc.convert.Converted;
import java.util.List;
import java.util.Optional;

/**
 * An output format: what files a pack's converted rules become. Implementations are immutable. A rule the
 * format cannot write becomes a diagnostic in the result, at the rule; the other rules are still written.
 */
public interface OutputFormat {
    /** The name used with {@code -f}: {@code query}, {@code sentinel}, ... */
    String id();

    /** The target whose queries this format packages; empty when it takes any target ({@code query}). */
    Optional<String> target();

    /** One line for {@code sigc list formats}. */
    String summary();

    /** @param rules the pack's rules converted for this format's target, in file order */
    FormatResult render(String pack, List<Converted> rules, FormatOptions options);
}
