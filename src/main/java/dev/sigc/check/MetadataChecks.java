package dev.sigc.check;

import dev.sigc.attack.AttackData;
import dev.sigc.attack.RuleAttack;
import dev.sigc.attack.Tactic;
import dev.sigc.attack.Technique;
import dev.sigc.rule.SigmaRule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of a rule's metadata: required fields, id, status, level, dates, tags and ATT&CK ids. */
final class MetadataChecks {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> NAMESPACES = Set.of("attack", "car", "cve", "d3fend", "detection", "stp", "tlp");
    private static final List<String> STATUS = List.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final List<String> LEVEL = List.of("informational", "low", "medium", "high", "critical");
    private static final Pattern GROUP_OR_SOFTWARE = Pattern.compile("attack\\.[gs][0-9]{4}");

    private MetadataChecks() {}

    static List<Finding> run(SigmaRule rule, AttackData attack) {
        List<Finding> out = new ArrayList<>();
        Optional<String> rid = rule.id();
        required(out, rule, "id", rule.id());
        required(out, rule, "status", rule.status());
        required(out, rule, "description", rule.description());
        required(out, rule, "author", rule.author());
        required(out, rule, "date", rule.date());
        required(out, rule, "level", rule.level());
        rule.id().filter(id -> !UUID.matcher(id).matches()).ifPresent(id -> out.add(new Finding(Check.ID_NOT_UUID,
                rule.spanOf("id"), "id '" + id + "' is not a UUID (e.g. 0b7e9f8a-5d3c-4b2a-9e1f-6c5d4b3a2f10)",
                rid)));
        rule.status().filter(s -> !STATUS.contains(s)).ifPresent(s -> out.add(new Finding(Check.STATUS_VALUE,
                rule.spanOf("status"), "status '" + s + "' is not one of " + String.join(", ", STATUS), rid)));
        rule.level().filter(s -> !LEVEL.contains(s)).ifPresent(s -> out.add(new Finding(Check.LEVEL_VALUE,
                rule.spanOf("level"), "level '" + s + "' is not one of " + String.join(", ", LEVEL), rid)));
        date(out, rule, "date", rule.date());
        date(out, rule, "modified", rule.modified());
        List<Tactic> taggedTactics = new ArrayList<>();
        List<Technique> techniques = new ArrayList<>();
        for (int i = 0; i < rule.tags().size(); i++) {
            String tag = rule.tags().get(i);
            String key = "tags." + i;
            if (!TAG.matcher(tag).matches()) {
                out.add(new Finding(Check.TAG_FORMAT, rule.spanOf(key), "tag '" + tag
                        + "' is not lowercase 'namespace.value' (letters, digits, '_', '-', '.')", rid));
                continue;
            }
            String namespace = tag.substring(0, tag.indexOf('.'));
            if (!NAMESPACES.contains(namespace)) {
                out.add(new Finding(Check.TAG_FORMAT, rule.spanOf(key), "tag namespace '" + namespace
                        + "' is not one of Sigma's: " + String.join(", ", NAMESPACES.stream().sorted().toList()), rid));
                continue;
            }
            if (!namespace.equals("attack")) {
                continue;
            }
            Optional<String> techniqueId = RuleAttack.techniqueIdOfTag(tag);
            if (techniqueId.isPresent()) {
                Optional<Technique> t = attack.technique(techniqueId.get());
                if (t.isEmpty() && !attack.isComplete()) {
                    out.add(new Finding(Check.ATTACK_UNVERIFIED, rule.spanOf(key), "'" + tag + "': " + techniqueId.get()
                            + " is not in sigc's partial ATT&CK table, so it cannot be verified", rid));
                } else if (t.isEmpty()) {
                    out.add(new Finding(Check.ATTACK_UNKNOWN_ID, rule.spanOf(key), "'" + tag + "': ATT&CK Enterprise v"
                            + attack.version() + " has no technique " + techniqueId.get(), rid));
                } else if (t.get().status() == Technique.Status.REVOKED) {
                    out.add(new Finding(Check.ATTACK_REVOKED, rule.spanOf(key), "'" + tag + "': " + t.get().id() + " ("
                            + t.get().name() + ") is revoked in ATT&CK v" + attack.version()
                            + t.get().revokedBy().map(r -> "; use attack." + r.toLowerCase(java.util.Locale.ROOT)).orElse(""), rid));
                } else {
                    if (t.get().status() == Technique.Status.DEPRECATED) {
                        out.add(new Finding(Check.ATTACK_DEPRECATED, rule.spanOf(key), "'" + tag + "': " + t.get().id()
                                + " (" + t.get().name() + ") is deprecated in ATT&CK v" + attack.version(), rid));
                    }
                    techniques.add(t.get());
                }
                continue;
            }
            Optional<Tactic> tactic = RuleAttack.tacticOfTag(tag, attack);
            if (tactic.isPresent()) {
                taggedTactics.add(tactic.get());
            } else if (!GROUP_OR_SOFTWARE.matcher(tag).matches()) {
                out.add(new Finding(Check.ATTACK_UNKNOWN_TACTIC, rule.spanOf(key), "'" + tag + "' names no ATT&CK tactic"
                        + " (e.g. attack.credential-access) nor a technique (attack.t1552.005), group or software id", rid));
            }
        }
        for (Technique t : techniques) {
            if (!t.tactics().isEmpty() && taggedTactics.stream().noneMatch(x -> t.tactics().contains(x.shortName()))) {
                out.add(new Finding(Check.ATTACK_TACTIC_MISSING, rule.spanOf("tags"), t.id() + " (" + t.name()
                        + ") belongs to " + String.join(", ", t.tactics().stream().map(s -> "attack." + s).toList())
                        + ", and the rule tags none of them", rid));
            }
        }
        return out;
    }

    private static void required(List<Finding> out, SigmaRule rule, String key, Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            out.add(new Finding(Check.REQUIRED_FIELD, value.isEmpty() ? rule.span() : rule.spanOf(key),
                    "rule has no '" + key + "'", rule.id()));
        }
    }

    private static void date(List<Finding> out, SigmaRule rule, String key, Optional<String> value) {
        if (value.isEmpty()) {
            return;
        }
        String v = value.get();
        boolean ok = DATE.matcher(v).matches();
        if (ok) {
            try {
                LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                ok = false;
            }
        }
        if (!ok) {
            out.add(new Finding(Check.DATE_FORMAT, rule.spanOf(key), key + " '" + v + "' is not a date written YYYY-MM-DD"
                    + (v.matches("[0-9]{4}/[0-9]{2}/[0-9]{2}") ? " (write " + v.replace('/', '-') + ")" : ""), rule.id()));
        }
    }
}
