package dev.sigc.backend;

import dev.sigc.backend.eql.EqlBackend;
import dev.sigc.backend.kql.KqlBackend;
import dev.sigc.backend.spl.SplBackend;
import java.util.List;
import java.util.Optional;

/** The targets sigc ships. */
public final class Backends {
    private static final List<Backend> ALL = List.of(new KqlBackend(), new EqlBackend(), new SplBackend());

    private Backends() {}

    public static List<Backend> all() {
        return ALL;
    }

    public static Optional<Backend> byId(String id) {
        return ALL.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
