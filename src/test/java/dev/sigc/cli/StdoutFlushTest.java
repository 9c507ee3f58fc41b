package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A query printed to standard output reaches it although main() exits without closing the stream. */
class StdoutFlushTest {
    @Test
    void oneQueryOnStandardOutputIsFlushed() {
        CommandLine cl = Main.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false)); // buffers, as System.out's does
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("convert", "-t", "kql",
                "sigma-rules/t1552.005/proc-aws-imdsv2-session-token-request.yml"));
        assertEquals("DeviceProcessEvents\n| where ProcessCommandLine contains \"latest/api/token\" and ProcessCommandLine "
                + "contains \"X-aws-ec2-metadata-token-ttl-seconds\" and not(AccountName =~ \"ec2-instance-connect\")\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
