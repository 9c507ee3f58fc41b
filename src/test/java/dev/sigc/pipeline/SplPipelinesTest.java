package dev.sigc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sigc.backend.spl.SplBackend;
import dev.sigc.cli.CliRun;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled SPL pipelines: spl-sysmon.yml (the default: raw events by source and sourcetype) and spl-cim.yml (the
 * accelerated CIM data models, searched with tstats; it replaces the default). Each case is a small rule for one
 * logsource and the query or the error it must give.
 */
class SplPipelinesTest {
    private static final Converter.Target DEFAULT = Converter.Target.of(new SplBackend(), List.of());
    /** As {@code -t spl -p spl-cim} builds it: the bundled pipeline named as an alternative replaces the default. */
    private static final Converter.Target CIM = Converter.Target.of(new SplBackend(),
            List.of(PipelineLoader.bundled("spl-cim.yml")));
    private static final String TSTATS = "| tstats summariesonly=false fillnull_value=\"null\" count min(_time) as"
            + " firstTime max(_time) as lastTime from datamodel=";

    @TempDir
    Path dir;

    /** The query for a rule with this logsource and detection, or the error messages joined by newlines. */
    private String convert(Converter.Target target, String logsource, String detection) {
        String yaml = "title: Test\nlogsource:\n" + indent(logsource) + "detection:\n" + indent(detection)
                + "    condition: selection\n";
        Path file = dir.resolve("rule" + Integer.toHexString(yaml.hashCode()) + ".yml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Converter.Result r = new Converter().convert(RuleFiles.find(List.of(file)), List.of(target));
        if (!r.outputs().isEmpty()) {
            return r.outputs().get(0).query().text();
        }
        return r.diagnostics().stream().map(Diagnostic::message).collect(Collectors.joining("\n"));
    }

    private static String indent(String lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines.split("\n")) {
            sb.append("    ").append(l).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
        category: process_creation\\nproduct: windows => selection:\\n    CommandLine|contains: whoami => source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" AND EventCode=1 AND CommandLine="*whoami*"
        category: process_creation\\nproduct: linux => selection:\\n    Image|endswith: /id => source="Syslog:Linux-Sysmon/Operational" AND EventCode=1 AND Image="*/id"
        category: process_access\\nproduct: windows => selection:\\n    GrantedAccess: '0x1410' => source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" AND EventCode=10 AND GrantedAccess="0x1410"
        category: registry_set\\nproduct: windows => selection:\\n    TargetObject|endswith: \\\\Run\\\\x => source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" AND EventCode=13 AND TargetObject="*\\\\Run\\\\x"
        category: pipe_created\\nproduct: windows => selection:\\n    PipeName: \\\\psexesvc => source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" AND EventCode IN (17, 18) AND PipeName="\\\\psexesvc"
        category: driver_load\\nproduct: windows => selection:\\n    md5: '0123' => source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" AND EventCode=6 AND MD5="0123"
        product: windows\\nservice: sysmon => selection:\\n    EventID: 255 => source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" AND EventCode=255
        product: windows\\nservice: security => selection:\\n    EventID: 4624\\n    LogonType: 10 => source="XmlWinEventLog:Security" AND EventCode=4624 AND LogonType=10
        product: windows\\nservice: system => selection:\\n    Provider_Name: Service Control Manager\\n    EventID: 7045 => source="XmlWinEventLog:System" AND Name="Service Control Manager" AND EventCode=7045
        category: ps_script\\nproduct: windows => selection:\\n    ScriptBlockText|contains: Invoke-Mimikatz => source IN ("XmlWinEventLog:Microsoft-Windows-PowerShell/Operational", "XmlWinEventLog:PowerShellCore/Operational") AND EventCode=4104 AND ScriptBlockText="*Invoke-Mimikatz*"
        category: ps_module\\nproduct: windows => selection:\\n    Payload|contains: x => source IN ("XmlWinEventLog:Microsoft-Windows-PowerShell/Operational", "XmlWinEventLog:PowerShellCore/Operational") AND EventCode=4103 AND Payload="*x*"
        product: windows\\nservice: windefend => selection:\\n    EventID: 1116\\n    ThreatName|contains: Mimikatz => source="XmlWinEventLog:Microsoft-Windows-Windows Defender/Operational" AND EventCode=1116 AND Threat_Name="*Mimikatz*"
        product: windows\\nservice: taskscheduler => selection:\\n    EventID: 129\\n    TaskName: \\\\x => source="XmlWinEventLog:Microsoft-Windows-TaskScheduler/Operational" AND EventCode=129 AND TaskName="\\\\x"
        product: linux\\nservice: auditd => selection:\\n    type: EXECVE\\n    a0: nc => sourcetype="linux:audit" AND type="EXECVE" AND a0="nc"
        product: aws\\nservice: cloudtrail => selection:\\n    eventName: StopLogging => sourcetype="aws:cloudtrail" AND eventName="StopLogging"
        product: azure\\nservice: signinlogs => selection:\\n    ResultType: 50126 => sourcetype="azure:monitor:aad" AND category="SignInLogs" AND resultType="50126"
        product: azure\\nservice: signinlogs => selection:\\n    Resultdescription: Blocked by Conditional Access => sourcetype="azure:monitor:aad" AND category="SignInLogs" AND resultDescription="Blocked by Conditional Access"
        product: azure\\nservice: activitylogs => selection:\\n    operationName: MICROSOFT.KEYVAULT/VAULTS/DELETE => sourcetype="mscs:azure:audit" AND operationName.value="MICROSOFT.KEYVAULT/VAULTS/DELETE"
        product: okta\\nservice: okta => selection:\\n    eventType: user.mfa.factor.deactivate => sourcetype="OktaIM2:log" AND eventType="user.mfa.factor.deactivate"
        product: kubernetes\\nservice: audit => selection:\\n    verb: create\\n    objectRef.resource: pods\\n    user.groups: system:masters => sourcetype="kube:apiserver-audit" AND verb="create" AND objectRef.resource="pods" | where match('user.groups{}', "(?is)^system:masters\\\\z")
        category: proxy => selection:\\n    c-useragent: curl => tag="web" AND tag="proxy" AND http_user_agent="curl"
        category: dns => selection:\\n    query: evil.example => tag="network" AND tag="resolution" AND tag="dns" AND query="evil.example"
        category: process_creation\\nproduct: macos => selection:\\n    Image|endswith: /osascript => tag="process" AND tag="report" AND process_path="*/osascript"
        """)
    void defaultPipeline(String logsource, String detection, String expected) {
        assertEquals(expected, convert(DEFAULT, logsource.replace("\\n", "\n"), detection.replace("\\n", "\n")));
    }

    /**
     * Sources no Splunk add-on names a sourcetype for start with the search macro the user defines (documented in
     * spl-sysmon.yml and docs/pipelines.md); JSON sources keep their own field names, plain-text ones take keywords.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
        category: application\\nproduct: opencanary => selection:\\n    logtype: 2000 => (`sigma_opencanary`) AND logtype=2000
        category: application\\nproduct: opencanary => selection:\\n    dst_port: 22\\n    src_host|startswith: '10.' => (`sigma_opencanary`) AND dst_port=22 AND src_host="10.*"
        product: bitbucket\\nservice: audit => selection:\\n    auditType.category: Authentication\\n    auditType.action: User login failed => (`sigma_bitbucket_audit`) AND auditType.category="Authentication" AND auditType.action="User login failed"
        product: onelogin\\nservice: onelogin.events => selection:\\n    event_type_id: 3 => (`sigma_onelogin`) AND event_type_id=3
        product: cisco\\nservice: duo => selection:\\n    event_type: authentication\\n    reason: bypass_user => (`sigma_cisco_duo`) AND event_type="authentication" AND reason="bypass_user"
        category: application\\nproduct: jvm => selection:\\n    - FileNotFoundException => (`sigma_jvm`) AND _raw="*FileNotFoundException*"
        category: application\\nproduct: spring => selection:\\n    - ExpressionException => (`sigma_spring`) AND _raw="*ExpressionException*"
        category: application\\nproduct: python => selection:\\n    - DataError => (`sigma_python`) AND _raw="*DataError*"
        category: application\\nproduct: nodejs => selection:\\n    - 'node:child_process' => (`sigma_nodejs`) AND _raw="*node:child_process*"
        category: application\\nproduct: django => selection:\\n    - DisallowedHost => (`sigma_django`) AND _raw="*DisallowedHost*"
        category: application\\nproduct: ruby_on_rails => selection:\\n    - 'ActionController::BadRequest' => (`sigma_ruby_on_rails`) AND _raw="*ActionController::BadRequest*"
        category: application\\nproduct: velocity => selection:\\n    - ParseErrorException => (`sigma_velocity`) AND _raw="*ParseErrorException*"
        category: application\\nproduct: sql => selection:\\n    - 'Unclosed quotation mark' => (`sigma_sql`) AND _raw="*Unclosed quotation mark*"
        category: database => selection:\\n    - truncate => (`sigma_database`) AND _raw="*truncate*"
        service: nginx => selection:\\n    - 'exited on signal 6' => (`sigma_nginx`) AND _raw="*exited on signal 6*"
        product: linux => selection:\\n    - 'stack smashing detected' => (`sigma_linux`) AND _raw="*stack smashing detected*"
        product: linux\\nservice: vsftpd => selection:\\n    - 'Bad HTTP verb.' => (`sigma_linux_vsftpd`) AND _raw="*Bad HTTP verb.*"
        product: linux\\nservice: cron => selection:\\n    - REPLACE => (`sigma_linux_cron`) AND _raw="*REPLACE*"
        product: linux\\nservice: clamav => selection:\\n    - 'Trojan*FOUND' => (`sigma_linux_clamav`) AND _raw="*Trojan*" AND _raw="*FOUND*" | where match(_raw, "(?is)Trojan.*FOUND")
        product: linux\\nservice: guacamole => selection:\\n    - '(2 users now present)' => (`sigma_linux_guacamole`) AND _raw="*(2 users now present)*"
        product: huawei\\nservice: bgp => selection:\\n    - BGP_AUTH_FAILED => (`sigma_huawei_bgp`) AND _raw="*BGP_AUTH_FAILED*"
        product: juniper\\nservice: bgp => selection:\\n    - 'missing MD5 digest' => (`sigma_juniper_bgp`) AND _raw="*missing MD5 digest*"
        category: appliance\\nproduct: paloalto\\nservice: globalprotect => selection:\\n    - 'failed to unmarshal session(../' => (`sigma_paloalto_globalprotect`) AND _raw="*failed to unmarshal session(../*"
        """)
    void sourcesWithoutAnAddOnStartWithTheirMacro(String logsource, String detection, String expected) {
        assertEquals(expected, convert(DEFAULT, logsource.replace("\\n", "\n"), detection.replace("\\n", "\n")));
    }

    /** A macro source still checks its fields: a name its documented format does not have is an error. */
    @Test
    void macroSourcesKeepTheirSchema() {
        String message = convert(DEFAULT, "category: application\nproduct: opencanary", "selection:\n    logtyp: 2000");
        assertTrue(message.startsWith("spl: field 'logtyp' is not a field of opencanary in splunk"), message);
        // Bitbucket's own 'source' (the client address) is not Splunk's 'source' (the file path): neither is offered
        message = convert(DEFAULT, "product: bitbucket\nservice: audit", "selection:\n    source: 10.0.0.1");
        assertTrue(message.startsWith("spl: field 'source' is not a field of bitbucket_audit in splunk"), message);
        message = convert(DEFAULT, "category: application\nproduct: jvm", "selection:\n    message: x");
        assertTrue(message.startsWith("spl: field 'message' is not a field of text_log in splunk"), message);
        // the JSON sources take no keywords: their _raw is JSON, where quotes and backslashes are escaped
        message = convert(DEFAULT, "product: cisco\nservice: duo", "selection:\n    - bypass");
        assertTrue(message.contains("keyword (field-less) search is not supported"), message);
    }

    /** Every macro the bundled pipelines set is a plain name of the documented scheme, sigma_ and [a-z0-9_]. */
    @Test
    void bundledMacrosFollowTheScheme() {
        List<String> macros = new ArrayList<>();
        for (String file : List.of("spl-sysmon.yml", "spl-cim.yml")) {
            for (Transformation t : PipelineLoader.bundled(file).transformations()) {
                if (t instanceof Transformation.SetState s && s.key().equals("macro")) {
                    macros.add(s.value());
                }
            }
        }
        assertTrue(macros.size() >= 20, macros.toString());
        assertEquals(List.of(), macros.stream().filter(m -> !m.matches("sigma_[a-z0-9_]+")).toList());
        assertEquals(macros.size(), new java.util.HashSet<>(macros).size(), "one logsource per macro: " + macros);
    }

    /** savedsearches.conf carries the macro as the start of the search, as Splunk's own apps write macros there. */
    @Test
    void savedsearchesStartWithTheMacro() throws IOException {
        Path rule = dir.resolve("canary.yml");
        Files.writeString(rule, "title: Canary FTP Login\nid: 0b3c3f0e-7d2a-4d0c-9a51-6f0f1d7c2b10\nlevel: high\n"
                + "logsource:\n    category: application\n    product: opencanary\n"
                + "detection:\n    selection:\n        logtype: 2000\n    condition: selection\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("convert", "-f", "savedsearches", "-o", out.toString(), rule.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (var files = Files.walk(out)) {
            Path conf = files.filter(f -> f.getFileName().toString().equals("savedsearches.conf")).findFirst()
                    .orElseThrow();
            String text = Files.readString(conf, StandardCharsets.UTF_8);
            assertTrue(text.contains("\n[Canary FTP Login]\nsearch = (`sigma_opencanary`) AND logtype=2000\n"), text);
        }
    }

    @Test
    void keywordsSearchRawWherePlainText() {
        assertEquals("sourcetype=\"linux_secure\" AND _raw IN (\"*Corrupted MAC on input*\", \"*error in libcrypto*\")",
                convert(DEFAULT, "product: linux\nservice: sshd",
                        "selection:\n    - 'Corrupted MAC on input'\n    - 'error in libcrypto'"));
        assertEquals("sourcetype=\"linux:audit\" AND _raw=\"*.bash_history*\"",
                convert(DEFAULT, "product: linux\nservice: auditd", "selection:\n    - '.bash_history'"));
        assertEquals("sourcetype=\"cisco:ios\" AND _raw=\"*show running-config*\"",
                convert(DEFAULT, "product: cisco\nservice: aaa", "selection:\n    - 'show running-config'"));
        assertEquals("tag=\"web\" AND _raw=\"*${jndi:ldap:/*\"",
                convert(DEFAULT, "category: webserver", "selection:\n    - '${jndi:ldap:/'"));
        // web events may be JSON: a quote or backslash is escaped in _raw
        assertTrue(convert(DEFAULT, "category: webserver", "selection:\n    - 'a\"b'")
                .contains("'\"' and '\\' are escaped in _raw"));
        // Windows XML holds the event data, not the rendered message
        assertTrue(convert(DEFAULT, "product: windows\nservice: application", "selection:\n    - 'x'")
                .contains("keyword (field-less) search is not supported"));
    }

    @Test
    void unnamedEventDataHasNoSplunkField() {
        String message = convert(DEFAULT, "product: windows\nservice: application", "selection:\n    Data|contains: x");
        assertEquals("spl: field 'Data' is not a field of application in splunk; map it with a field_name_mapping in a "
                + "pipeline file (-p), or pass --pass-through-fields", message);
    }

    @Test
    void logsourceWithoutSplunkSourceFailsNamingIt() {
        String message = convert(DEFAULT, "category: file_access\nproduct: windows", "selection:\n    FileName: x");
        assertTrue(message.startsWith("spl: logsource category=file_access product=windows has no 'table' in pipeline "
                + "spl-sysmon"), message);
    }

    @Test
    void macosHasNoSysmonFields() {
        String message = convert(DEFAULT, "category: process_creation\nproduct: macos", "selection:\n    Hashes: x");
        assertTrue(message.startsWith("spl: field 'Hashes' is not a field of cim_processes"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
        category: process_creation\\nproduct: windows => selection:\\n    ParentImage|endswith: \\\\w3wp.exe => Endpoint.Processes where Processes.parent_process_path="*\\\\w3wp.exe" by Processes.dest Processes.user Processes.parent_process_path Processes.parent_process Processes.process_path Processes.process
        category: process_creation\\nproduct: linux => selection:\\n    Image|endswith: /curl\\n    CommandLine|contains: 169.254.169.254 => Endpoint.Processes where Processes.process_path="*/curl" AND Processes.process="*169.254.169.254*" by Processes.dest Processes.user Processes.parent_process_path Processes.parent_process Processes.process_path Processes.process
        category: file_event\\nproduct: windows => selection:\\n    TargetFilename|endswith: .lnk\\n    Image|endswith: \\\\winword.exe => Endpoint.Filesystem where Filesystem.file_path="*.lnk" AND Filesystem.process_path="*\\\\winword.exe" by Filesystem.dest Filesystem.user Filesystem.process_path Filesystem.action Filesystem.file_path
        category: registry_set\\nproduct: windows => selection:\\n    TargetObject|contains: \\\\Run\\\\ => Endpoint.Registry where Registry.action="modified" AND Registry.registry_path="*\\\\Run\\\\*" by Registry.dest Registry.user Registry.process_path Registry.action Registry.registry_path Registry.registry_value_data
        category: registry_add\\nproduct: windows => selection:\\n    TargetObject|contains: \\\\Run\\\\ => Endpoint.Registry where Registry.action="created" AND Registry.registry_path="*\\\\Run\\\\*" by Registry.dest Registry.user Registry.process_path Registry.action Registry.registry_path Registry.registry_value_data
        category: registry_event\\nproduct: windows => selection:\\n    TargetObject|contains: \\\\Run\\\\ => Endpoint.Registry where Registry.registry_path="*\\\\Run\\\\*" by Registry.dest Registry.user Registry.process_path Registry.action Registry.registry_path Registry.registry_value_data
        category: network_connection\\nproduct: windows => selection:\\n    DestinationIp: 169.254.169.254\\n    DestinationPort: 80 => Network_Traffic.All_Traffic where All_Traffic.dest_ip="169.254.169.254" AND All_Traffic.dest_port=80 by All_Traffic.src_ip All_Traffic.src_port All_Traffic.dest_ip All_Traffic.dest_port All_Traffic.transport
        category: proxy => selection:\\n    c-uri|contains: /wp-admin => Web.Web where nodename=Web.Proxy AND Web.url="*/wp-admin*" by Web.src Web.dest Web.http_method Web.url Web.status
        category: webserver => selection:\\n    cs-uri-stem|endswith: /shell.jsp => Web.Web where Web.uri_path="*/shell.jsp" by Web.src Web.dest Web.http_method Web.url Web.status
        category: dns_query\\nproduct: windows => selection:\\n    QueryName|endswith: .onion => Network_Resolution.DNS where DNS.query="*.onion" by DNS.src DNS.query DNS.record_type
        category: antivirus => selection:\\n    Signature|startswith: Mimikatz => Malware.Malware_Attacks where Malware_Attacks.signature="Mimikatz*" by Malware_Attacks.dest Malware_Attacks.signature Malware_Attacks.file_path
        """)
    void cimPipeline(String logsource, String detection, String expected) {
        assertEquals(TSTATS + expected, convert(CIM, logsource.replace("\\n", "\n"), detection.replace("\\n", "\n")));
    }

    @Test
    void cimReplacesTheDefaultPipeline() {
        assertEquals(List.of("spl-cim"), CIM.runner().pipelines().stream().map(Pipeline::name).toList());
        CliRun list = CliRun.of("list", "pipelines");
        assertTrue(list.out().contains("spl-cim                    bundled, target spl, use with -p spl-cim instead of spl-sysmon"),
                list.out());
        CliRun convert = CliRun.of("convert", "-t", "spl", "-p", "spl-cim",
                "sigma-rules/t1552.005/proc-cloud-instance-identity-discovery.yml");
        assertEquals(0, convert.exitCode(), convert.err());
        assertTrue(convert.out().startsWith(TSTATS + "Endpoint.Processes where Processes.process IN ("), convert.out());
    }

    /** Forms the CIM add-ons change (or do not fill) stay unmapped, so that a rule on them fails instead. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
        category: process_creation\\nproduct: windows => User => Processes
        category: process_creation\\nproduct: windows => Hashes => Processes
        category: registry_set\\nproduct: windows => Details => Registry
        category: network_connection\\nproduct: windows => Image => All_Traffic
        category: webserver => cs-uri-query => Web
        """)
    void cimLeavesOtherFormsUnmapped(String logsource, String field, String table) {
        String message = convert(CIM, logsource.replace("\\n", "\n"), "selection:\n    " + field + ": x");
        assertTrue(message.startsWith("spl: field '" + field + "' is not a field of " + table + " in splunk-cim"), message);
    }

    @Test
    void cimHasNoDatasetForImageLoads() {
        String message = convert(CIM, "category: image_load\nproduct: windows", "selection:\n    ImageLoaded: x");
        assertTrue(message.startsWith("spl: logsource category=image_load product=windows has no 'datamodel'"), message);
    }

    /** Every target field a mapping names is a column of some table of the pipeline's schema. */
    @Test
    void everyMappedFieldIsInTheSchema() {
        for (Pipeline p : List.of(PipelineLoader.bundled("spl-sysmon.yml"),
                PipelineLoader.bundled("spl-cim.yml"))) {
            Schema schema = p.schema().orElseThrow();
            List<String> missing = new ArrayList<>();
            for (Transformation t : p.transformations()) {
                if (t instanceof Transformation.FieldNameMapping m) {
                    for (List<String> targets : m.mapping().values()) {
                        for (String field : targets) {
                            if (schema.tables().values().stream().noneMatch(cols -> cols.containsKey(field))) {
                                missing.add(t.id() + ": " + field);
                            }
                        }
                    }
                }
            }
            assertEquals(List.of(), missing, p.name());
        }
    }

    /** The logsources of Sigma's taxonomy appendix (v2.1.0) that have a Splunk source this pipeline reads. */
    @Test
    void taxonomyLogsourcesAreCovered() {
        Map<String, List<String>> byProduct = Map.of(
                "windows", List.of("process_creation", "file_change", "network_connection", "sysmon_status",
                        "process_termination", "driver_load", "image_load", "create_remote_thread",
                        "raw_access_thread", "process_access", "file_event", "registry_event", "registry_add",
                        "registry_delete", "registry_set", "registry_rename", "create_stream_hash", "pipe_created",
                        "wmi_event", "dns_query", "file_delete", "clipboard_capture", "process_tampering",
                        "file_delete_detected", "file_block_executable", "file_block_shredding",
                        "file_executable_detected", "sysmon_error", "ps_classic_start", "ps_classic_provider_start",
                        "ps_classic_script", "ps_module", "ps_script"),
                "linux", List.of("process_creation", "network_connection", "file_event"),
                "macos", List.of("process_creation", "file_event"));
        List<String> services = List.of("application", "application-experience", "applocker", "appmodel-runtime",
                "appxdeployment-server", "appxpackaging-om", "bitlocker", "bits-client", "capi2",
                "certificateservicesclient-lifecycle-system", "codeintegrity-operational", "dhcp", "diagnosis-scripted",
                "dns-client", "dns-server", "dns-server-analytic", "dns-server-audit", "driver-framework", "firewall-as",
                "hyper-v-worker", "iis-configuration", "kernel-event-tracing", "kernel-shimengine", "ldap", "lsa-server",
                "msexchange-management", "ntfs", "ntlm", "openssh", "powershell", "powershell-classic",
                "printservice-admin", "printservice-operational", "security", "security-mitigations", "sense",
                "servicebus-client", "shell-core", "smbclient-security", "sysmon", "system", "taskscheduler",
                "terminalservices-localsessionmanager", "vhdmp", "windefend", "wmi");
        List<String> uncovered = new ArrayList<>();
        byProduct.forEach((product, categories) -> categories.forEach(c -> {
            if (convert(DEFAULT, "category: " + c + "\nproduct: " + product, "selection:\n    EventCode|exists: true")
                    .contains("has no 'table'")) {
                uncovered.add(product + "/" + c);
            }
        }));
        for (String s : services) {
            if (convert(DEFAULT, "product: windows\nservice: " + s, "selection:\n    EventID: 1")
                    .contains("has no 'table'")) {
                uncovered.add("windows/" + s);
            }
        }
        for (String ls : List.of("category: webserver", "category: proxy", "category: firewall", "category: dns",
                "category: antivirus", "product: linux\nservice: auditd", "product: aws\nservice: cloudtrail",
                "product: azure\nservice: signinlogs", "product: azure\nservice: auditlogs",
                "product: azure\nservice: activitylogs", "product: azure\nservice: riskdetection",
                "product: m365\nservice: audit", "product: gcp\nservice: gcp.audit", "product: okta\nservice: okta",
                "product: github\nservice: audit", "product: kubernetes\nservice: audit")) {
            if (convert(DEFAULT, ls, "selection:\n    x|exists: true").contains("has no 'table'")) {
                uncovered.add(ls.replace("\n", " "));
            }
        }
        if (!uncovered.isEmpty()) {
            fail("not covered: " + uncovered);
        }
    }
}
