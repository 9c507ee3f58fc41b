package dev.sigc.compile;

import dev.sigc.ast.RegexFlag;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.Modifier;
import dev.sigc.util.Text;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The modifier chain of one detection item, checked: what it asks for, or an error at the modifier. */
record Modifiers(Optional<String> anchor, boolean all, boolean cased, boolean windash, boolean regex,
                 Set<RegexFlag> regexFlags, boolean cidr, boolean exists) {

    /** Modifiers of the specification that this version does not compile yet. */
    private static final Set<String> NOT_YET = Set.of("base64", "base64offset", "wide", "utf16le", "utf16be", "utf16",
            "neq", "fieldref", "gt", "gte", "lt", "lte", "expand", "minute", "hour", "day", "week", "month", "year");
    private static final List<String> KNOWN = List.of("contains", "startswith", "endswith", "all", "cased", "windash",
            "re", "i", "m", "s", "cidr", "exists", "base64", "base64offset", "wide", "utf16le", "utf16be", "utf16",
            "neq", "fieldref", "gt", "gte", "lt", "lte", "expand", "minute", "hour", "day", "week", "month", "year");
    private static final Map<String, RegexFlag> FLAGS =
            Map.of("i", RegexFlag.IGNORE_CASE, "m", RegexFlag.MULTILINE, "s", RegexFlag.DOTALL);

    static Modifiers of(List<Modifier> chain) {
        Optional<String> anchor = Optional.empty();
        boolean all = false;
        boolean cased = false;
        boolean windash = false;
        boolean regex = false;
        boolean cidr = false;
        boolean exists = false;
        Set<RegexFlag> flags = EnumSet.noneOf(RegexFlag.class);
        Modifier first = null;
        for (Modifier m : chain) {
            String name = m.name();
            if (!KNOWN.contains(name)) {
                String lower = name.toLowerCase(Locale.ROOT);
                String hint = KNOWN.contains(lower) ? " (modifiers are lowercase: '" + lower + "')"
                        : Text.closest(name, KNOWN).map(s -> " (did you mean '" + s + "'?)")
                        .orElse("; known modifiers: contains, startswith, endswith, all, cased, windash, re, cidr, exists");
                throw new SigcException("unknown-modifier", m.span(), "unknown modifier '" + name + "'" + hint);
            }
            if (NOT_YET.contains(name)) {
                throw new SigcException("unsupported-modifier", m.span(),
                        "modifier '" + name + "' is not supported by this version of sigc");
            }
            if (FLAGS.containsKey(name)) {
                if (!regex) {
                    throw new SigcException("bad-modifier", m.span(),
                            "'" + name + "' is a flag of 're' and must follow it, as in 'field|re|" + name + "'");
                }
                if (!flags.add(FLAGS.get(name))) {
                    throw duplicate(m);
                }
                continue;
            }
            if (regex) {
                throw new SigcException("bad-modifier", m.span(), "'" + name
                        + "' cannot follow 're': a regular expression takes only the flags i, m, s");
            }
            if (first == null) {
                first = m;
            }
            switch (name) {
                case "contains", "startswith", "endswith" -> {
                    if (anchor.isPresent()) {
                        throw new SigcException("bad-modifier", m.span(), "'" + name + "' conflicts with '"
                                + anchor.get() + "': use one of contains, startswith, endswith");
                    }
                    anchor = Optional.of(name);
                }
                case "all" -> all = set(all, m);
                case "cased" -> cased = set(cased, m);
                case "windash" -> windash = set(windash, m);
                case "re" -> regex = true;
                case "cidr" -> cidr = set(cidr, m);
                case "exists" -> exists = set(exists, m);
                default -> throw new IllegalStateException(name);
            }
            if (regex && first != m) {
                throw new SigcException("bad-modifier", m.span(),
                        "'re' must be the first modifier: a regular expression is not combined with '" + first.name() + "'");
            }
        }
        Modifiers result = new Modifiers(anchor, all, cased, windash, regex, flags, cidr, exists);
        result.checkCombination(chain);
        return result;
    }

    private void checkCombination(List<Modifier> chain) {
        for (Modifier m : chain) {
            boolean bad = switch (m.name()) {
                case "cidr" -> anchor.isPresent() || cased || windash || exists;
                case "exists" -> anchor.isPresent() || cased || windash || cidr || all;
                default -> false;
            };
            if (bad) {
                throw new SigcException("bad-modifier", m.span(), "'" + m.name()
                        + "' cannot be combined with the other modifiers of this item");
            }
        }
    }

    private static boolean set(boolean already, Modifier m) {
        if (already) {
            throw duplicate(m);
        }
        return true;
    }

    private static SigcException duplicate(Modifier m) {
        return new SigcException("bad-modifier", m.span(), "modifier '" + m.name() + "' is given twice");
    }
}
