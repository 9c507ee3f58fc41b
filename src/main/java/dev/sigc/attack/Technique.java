package dev.sigc.attack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ATT&CK technique or sub-technique ({@code T1552}, {@code T1552.005}) with the short names of its tactics,
 * in matrix order. A revoked technique names the one that replaced it, when ATT&CK says.
 */
public record Technique(String id, String name, List<String> tactics, Status status, Optional<String> revokedBy) {
    public enum Status { ACTIVE, DEPRECATED, REVOKED }

    public Technique {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        tactics = List.copyOf(tactics);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revokedBy, "revokedBy");
    }

    public boolean isSubtechnique() {
        return id.indexOf('.') > 0;
    }

    /** {@code T1552} for {@code T1552.005}; the id itself for a technique. */
    public String parentId() {
        int dot = id.indexOf('.');
        return dot > 0 ? id.substring(0, dot) : id;
    }

    /** {@code https://attack.mitre.org/techniques/T1552/005/}. */
    public String reference() {
        return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }
}
