package dev.sigc.check;

import dev.sigc.diag.Severity;
import java.util.Arrays;
import java.util.Optional;

/** The checks of {@code sigc check}: a stable id, a default severity, and what the check wants. */
public enum Check {
    LOAD_ERROR("load-error", Severity.ERROR, "the file reads as Sigma rules and every rule compiles"),
    REQUIRED_FIELD("required-field", Severity.ERROR,
            "title, id, status, description, author, date, level, logsource and detection are present"),
    ID_NOT_UUID("id-not-uuid", Severity.ERROR, "id is a UUID"),
    ID_DUPLICATE("id-duplicate", Severity.ERROR, "no two rules of the run have the same id"),
    TITLE_DUPLICATE("title-duplicate", Severity.ERROR, "no two rules of the run have the same title"),
    TAG_FORMAT("tag-format", Severity.ERROR,
            "tags are lowercase 'namespace.value' in a Sigma namespace (attack, car, cve, d3fend, detection, stp, tlp)"),
    ATTACK_UNKNOWN_ID("attack-unknown-id", Severity.ERROR,
            "attack.tNNNN[.NNN] is a technique of the bundled ATT&CK data"),
    ATTACK_UNVERIFIED("attack-unverified", Severity.WARNING,
            "attack.tNNNN[.NNN] cannot be verified: the bundled ATT&CK table is partial and does not list it"),
    ATTACK_UNKNOWN_TACTIC("attack-unknown-tactic", Severity.ERROR,
            "attack.<name> is an ATT&CK tactic, or a technique, group (gNNNN) or software (sNNNN) id"),
    ATTACK_REVOKED("attack-revoked", Severity.ERROR, "a tagged technique is not revoked in ATT&CK"),
    ATTACK_DEPRECATED("attack-deprecated", Severity.WARNING, "a tagged technique is not deprecated in ATT&CK"),
    ATTACK_TACTIC_MISSING("attack-tactic-missing", Severity.WARNING,
            "a tagged technique has one of its ATT&CK tactics tagged too"),
    TEST_COVERAGE("test-coverage", Severity.WARNING,
            "every rule has a true-positive and a false-positive rule-test fixture (sigc test)"),
    DETECTION_UNUSED("detection-unused", Severity.WARNING, "the condition uses every search identifier"),
    CONDITION_UNKNOWN_IDENTIFIER("condition-unknown-identifier", Severity.ERROR,
            "the condition names only search identifiers the rule defines"),
    ALL_OF_ONE("all-of-one", Severity.WARNING, "'all of them' / 'all of x*' covers more than one search identifier"),
    WILDCARD_INSTEAD_OF_MODIFIER("wildcard-instead-of-modifier", Severity.WARNING,
            "values like '*x*', 'x*', '*x' are written with contains, startswith, endswith"),
    ALL_WITHOUT_CONTAINS("all-without-contains", Severity.WARNING, "'|all' comes with 'contains'"),
    STATUS_VALUE("status-value", Severity.ERROR, "status is stable, test, experimental, deprecated or unsupported"),
    LEVEL_VALUE("level-value", Severity.ERROR, "level is informational, low, medium, high or critical"),
    DATE_FORMAT("date-format", Severity.ERROR, "date and modified are real dates written YYYY-MM-DD");

    private final String id;
    private final Severity severity;
    private final String summary;

    Check(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Check> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
