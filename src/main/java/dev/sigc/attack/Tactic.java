package dev.sigc.attack;

import java.util.Objects;

/** An ATT&CK tactic: {@code TA0006}, short name {@code credential-access}, name {@code Credential Access}. */
public record Tactic(String id, String shortName, String name) {
    public Tactic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(name, "name");
    }

    /** {@code https://attack.mitre.org/tactics/TA0006/}. */
    public String reference() {
        return "https://attack.mitre.org/tactics/" + id + "/";
    }
}
