package dev.sigc.attack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule's {@code attack.*} tags name in the bundled ATT&CK data: its tactics and techniques, grouped
 * the way Elastic's {@code [[rule.threat]]} blocks want them (tactic, then technique, then sub-technique).
 * A technique goes under the rule's tactic tags that ATT&CK lists for it, or under all its ATT&CK tactics
 * when the rule tags none of them. {@link #unresolved()} lists tags that name no usable technique.
 */
public record RuleAttack(List<Tactic> taggedTactics, List<Technique> techniques, List<Threat> threats,
                         List<String> unresolved, String version) {
    private static final Pattern TECHNIQUE_TAG = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)", Pattern.CASE_INSENSITIVE);

    /** One tactic with the techniques filed under it. */
    public record Threat(Tactic tactic, List<TechniqueEntry> techniques) {
        public Threat {
            techniques = List.copyOf(techniques);
        }
    }

    /** A technique with the sub-techniques the rule names (empty when the rule names the technique itself). */
    public record TechniqueEntry(Technique technique, List<Technique> subtechniques) {
        public TechniqueEntry {
            subtechniques = List.copyOf(subtechniques);
        }
    }

    public RuleAttack {
        taggedTactics = List.copyOf(taggedTactics);
        techniques = List.copyOf(techniques);
        threats = List.copyOf(threats);
        unresolved = List.copyOf(unresolved);
    }

    /** The tactic a Sigma tag such as {@code attack.credential-access} (or {@code attack.credential_access}) names. */
    public static Optional<Tactic> tacticOfTag(String tag, AttackData data) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (!t.startsWith("attack.")) {
            return Optional.empty();
        }
        String name = t.substring("attack.".length()).replace('_', '-');
        return data.tactics().stream().filter(x -> x.shortName().equals(name)).findFirst();
    }

    /** {@code T1552.005} for {@code attack.t1552.005}. */
    public static Optional<String> techniqueIdOfTag(String tag) {
        Matcher m = TECHNIQUE_TAG.matcher(tag);
        return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    public static RuleAttack of(List<String> tags, AttackData data) {
        Set<Tactic> tagged = new LinkedHashSet<>();
        Map<String, Technique> techniques = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        for (String tag : tags) {
            tacticOfTag(tag, data).ifPresent(tagged::add);
            Optional<String> id = techniqueIdOfTag(tag);
            if (id.isPresent()) {
                Optional<Technique> t = data.technique(id.get());
                if (t.isEmpty() || t.get().status() == Technique.Status.REVOKED) {
                    unresolved.add(tag);
                } else {
                    techniques.put(t.get().id(), t.get());
                }
            }
        }
        Comparator<Tactic> matrixOrder = Comparator.comparingInt(data::order);
        List<Tactic> taggedSorted = tagged.stream().sorted(matrixOrder).toList();
        // tactic -> parent technique id -> sub-techniques
        Map<Tactic, Map<String, List<Technique>>> grouped = new TreeMap<>(matrixOrder);
        taggedSorted.forEach(t -> grouped.put(t, new TreeMap<>()));
        for (Technique t : techniques.values()) {
            List<Tactic> own = t.tactics().stream().map(s -> data.tactic(s).orElseThrow()).toList();
            List<Tactic> under = own.stream().filter(tagged::contains).toList();
            for (Tactic tactic : under.isEmpty() ? own : under) {
                List<Technique> subs = grouped.computeIfAbsent(tactic, k -> new TreeMap<>())
                        .computeIfAbsent(t.parentId(), k -> new ArrayList<>());
                if (t.isSubtechnique()) {
                    subs.add(t);
                }
            }
        }
        List<Threat> threats = new ArrayList<>();
        for (Map.Entry<Tactic, Map<String, List<Technique>>> e : grouped.entrySet()) {
            List<TechniqueEntry> entries = new ArrayList<>();
            for (Map.Entry<String, List<Technique>> p : e.getValue().entrySet()) {
                Technique parent = data.technique(p.getKey()).orElseThrow(() ->
                        new IllegalStateException("ATT&CK data has no parent for " + p.getKey()));
                entries.add(new TechniqueEntry(parent, p.getValue()));
            }
            threats.add(new Threat(e.getKey(), entries));
        }
        return new RuleAttack(taggedSorted, List.copyOf(techniques.values()), threats, unresolved, data.version());
    }

    /** Every tactic the rule is about: tagged ones and those of its techniques, in matrix order. */
    public List<Tactic> allTactics() {
        return threats.stream().map(Threat::tactic).toList();
    }
}
