package dev.sigc.cli;

import dev.sigc.output.CapabilityTable;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lists what sigc knows: targets, pipelines, capabilities (per target, how each Sigma construct is rendered).", footer = ExitCodes.HELP)
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "targets, pipelines or capabilities")
    String what;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        switch (what) {
            case "targets" -> {
                for (Backend b : Backends.all()) {
                    out.printf("%-4s .%-4s pipeline %s%n", b.id(), b.extension(), b.defaultPipeline());
                }
            }
            case "pipelines" -> {
                for (String name : BundledPipelines.names()) {
                    String target = BundledPipelines.target(name);
                    boolean isDefault = Backends.byId(target).map(b -> b.defaultPipeline().equals(name + ".yml")).orElse(false);
                    out.printf("%-14s bundled, target %s%s%n", name, target, isDefault ? ", default" : ", add with -p " + name);
                }
            }
            case "capabilities" -> out.print(CapabilityTable.render(Backends.all()));
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown list '" + what + "'; choose targets, pipelines or capabilities");
        }
        return ExitCodes.OK;
    }
}
