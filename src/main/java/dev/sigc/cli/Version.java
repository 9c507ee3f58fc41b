package dev.sigc.cli;

import picocli.CommandLine;

/** Version from the jar manifest-free resource written at build time. */
final class Version implements CommandLine.IVersionProvider {
    static String get() {
        try (var in = Version.class.getResourceAsStream("/sigc-version.txt")) {
            return in == null ? "dev" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sigc " + get()};
    }
}
