package dev.sigc.compile;

import dev.sigc.ast.CompareOp;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.TimeUnit;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.Modifier;
import dev.sigc.util.Text;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modifier chain of one detection item, checked: what it asks for, or an error at the offending
 * modifier's column. Encodings keep their order, since {@code wide|base64} differs from the reverse.
 */
record Modifiers(List<Modifier> chain, Optional<Modifier> anchor, boolean all, boolean cased, boolean windash,
                 boolean regex, Set<RegexFlag> regexFlags, boolean cidr, boolean exists, boolean neq,
                 boolean fieldref, boolean expand, Optional<CompareOp> compare, Optional<TimeUnit> timePart,
                 List<Modifier> encodings) {

    /** Every modifier of the specification (v2.1), by kind. */
    static final Map<String, String> KNOWN = known();
    private static final Map<String, RegexFlag> FLAGS =
            Map.of("i", RegexFlag.IGNORE_CASE, "m", RegexFlag.MULTILINE, "s", RegexFlag.DOTALL);
    private static final Map<String, CompareOp> COMPARE =
            Map.of("gt", CompareOp.GT, "gte", CompareOp.GTE, "lt", CompareOp.LT, "lte", CompareOp.LTE);

    private static Map<String, String> known() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : List.of("contains", "startswith", "endswith")) {
            m.put(s, "anchor");
        }
        for (String s : List.of("wide", "utf16le", "utf16be", "utf16")) {
            m.put(s, "text-encoding");
        }
        m.put("base64", "base64");
        m.put("base64offset", "base64");
        for (String s : List.of("all", "cased", "windash", "re", "cidr", "exists", "neq", "fieldref", "expand")) {
            m.put(s, s);
        }
        for (String s : List.of("i", "m", "s")) {
            m.put(s, "flag");
        }
        for (String s : List.of("gt", "gte", "lt", "lte")) {
            m.put(s, "compare");
        }
        for (TimeUnit u : TimeUnit.values()) {
            m.put(u.modifier(), "time");
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static Modifiers of(List<Modifier> chain) {
        Optional<Modifier> anchor = Optional.empty();
        Optional<CompareOp> compare = Optional.empty();
        Optional<TimeUnit> time = Optional.empty();
        Set<String> seen = new java.util.HashSet<>();
        Set<RegexFlag> flags = EnumSet.noneOf(RegexFlag.class);
        List<Modifier> encodings = new ArrayList<>();
        Modifier regex = null;
        for (int i = 0; i < chain.size(); i++) {
            Modifier m = chain.get(i);
            String name = m.name();
            String kind = KNOWN.get(name);
            if (kind == null) {
                throw unknown(m);
            }
            if (!seen.add(name)) {
                throw new SigcException("bad-modifier", m.span(), "modifier '" + name + "' is given twice");
            }
            if (kind.equals("flag")) {
                if (regex == null) {
                    throw new SigcException("bad-modifier", m.span(),
                            "'" + name + "' is a flag of 're' and must follow it, as in 'field|re|" + name + "'");
                }
                flags.add(FLAGS.get(name));
                continue;
            }
            if (regex != null && !kind.equals("all") && !kind.equals("neq")) {
                throw new SigcException("bad-modifier", m.span(), "'" + name
                        + "' cannot follow 're': a regular expression takes only the flags i, m, s (and all, neq)");
            }
            switch (kind) {
                case "re" -> {
                    if (i > 0 && !chain.subList(0, i).stream().allMatch(x -> x.name().equals("neq") || x.name().equals("all"))) {
                        throw new SigcException("bad-modifier", m.span(), "'re' must be the first modifier: a regular expression "
                                + "is not combined with '" + chain.get(0).name() + "'");
                    }
                    regex = m;
                }
                case "anchor" -> {
                    if (anchor.isPresent()) {
                        throw new SigcException("bad-modifier", m.span(), "'" + name + "' conflicts with '"
                                + anchor.get().name() + "': use one of contains, startswith, endswith");
                    }
                    anchor = Optional.of(m);
                }
                case "text-encoding", "base64" -> {
                    if (kind.equals("base64") && encodings.stream().anyMatch(e -> KNOWN.get(e.name()).equals("base64"))) {
                        throw new SigcException("bad-modifier", m.span(), "only one of base64, base64offset");
                    }
                    if (kind.equals("text-encoding") && !encodings.isEmpty()) {
                        throw new SigcException("bad-modifier", m.span(), "'" + name
                                + "' must come before base64/base64offset and not after another utf16 modifier");
                    }
                    encodings.add(m);
                }
                case "compare" -> {
                    if (compare.isPresent()) {
                        throw new SigcException("bad-modifier", m.span(), "only one of gt, gte, lt, lte");
                    }
                    compare = Optional.of(COMPARE.get(name));
                }
                case "time" -> {
                    if (time.isPresent()) {
                        throw new SigcException("bad-modifier", m.span(), "only one time part (minute, hour, day, ...)");
                    }
                    time = Optional.of(TimeUnit.valueOf(name.toUpperCase(Locale.ROOT)));
                }
                default -> { }
            }
        }
        Modifiers r = new Modifiers(List.copyOf(chain), anchor, seen.contains("all"), seen.contains("cased"),
                seen.contains("windash"), regex != null, flags, seen.contains("cidr"), seen.contains("exists"),
                seen.contains("neq"), seen.contains("fieldref"), seen.contains("expand"), compare, time, List.copyOf(encodings));
        r.checkCombinations();
        return r;
    }

    /** Which modifiers each "special" one may stand with; anything else is an error at the later one. */
    private void checkCombinations() {
        Set<String> allowed;
        String owner;
        if (exists) {
            owner = "exists";
            allowed = Set.of("exists");
        } else if (cidr) {
            owner = "cidr";
            allowed = Set.of("cidr", "all", "neq");
        } else if (compare.isPresent() && timePart.isEmpty()) {
            owner = "gt/gte/lt/lte";
            allowed = Set.of("gt", "gte", "lt", "lte", "neq");
        } else if (timePart.isPresent()) {
            owner = timePart.get().modifier();
            allowed = Set.of(timePart.get().modifier(), "gt", "gte", "lt", "lte", "neq", "all");
        } else if (fieldref) {
            owner = "fieldref";
            allowed = Set.of("fieldref", "contains", "startswith", "endswith", "cased", "neq", "all");
        } else {
            owner = "";
            allowed = Set.of();
        }
        if (!owner.isEmpty()) {
            for (Modifier m : chain) {
                if (!allowed.contains(m.name())) {
                    throw new SigcException("bad-modifier", m.span(), "'" + m.name() + "' cannot be combined with '" + owner + "'");
                }
            }
        }
        for (Modifier e : encodings) {
            if (e.name().equals("base64offset") && (anchor.isEmpty() || !anchor.get().name().equals("contains"))) {
                throw new SigcException("bad-modifier", e.span(), "'base64offset' needs 'contains': the encoded value "
                        + "is found inside a longer base64 string (write 'field|base64offset|contains')");
            }
        }
        if (!encodings.isEmpty() && (windash || expand)) {
            Modifier bad = chain.stream().filter(m -> m.name().equals("windash") || m.name().equals("expand")).findFirst().orElseThrow();
            throw new SigcException("bad-modifier", bad.span(), "'" + bad.name() + "' cannot be combined with an encoding modifier");
        }
        if (neq && all) {
            Modifier bad = chain.stream().filter(m -> m.name().equals("all")).findFirst().orElseThrow();
            throw new SigcException("bad-modifier", bad.span(), "'all' with 'neq' is ambiguous; write the negation in the condition");
        }
    }

    boolean stringOnly() {
        return anchor.isPresent() || cased || windash || expand || !encodings.isEmpty();
    }

    private static SigcException unknown(Modifier m) {
        String name = m.name();
        String lower = name.toLowerCase(Locale.ROOT);
        String hint = KNOWN.containsKey(lower) ? " (modifiers are lowercase: '" + lower + "')"
                : Text.closest(name, KNOWN.keySet()).map(s -> " (did you mean '" + s + "'?)")
                .orElse("; see the Sigma specification's modifier appendix");
        return new SigcException("unknown-modifier", m.span(), "unknown modifier '" + name + "'" + hint);
    }
}
