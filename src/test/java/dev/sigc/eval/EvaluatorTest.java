package dev.sigc.eval;

import static dev.sigc.eval.EvalFixture.detection;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluatorTest {
    @Test
    void stringsIgnoreCaseUnlessCased() {
        detection("CommandLine|contains: 'Meta-Data'")
                .matches("{\"CommandLine\": \"curl http://x/latest/META-DATA/\"}")
                .misses("{\"CommandLine\": \"curl http://x/latest/metadata/\"}");
        detection("CommandLine|contains|cased: 'Meta-Data'")
                .matches("{\"CommandLine\": \"a Meta-Data b\"}")
                .misses("{\"CommandLine\": \"a meta-data b\"}");
    }

    @Test
    void caseFoldingIsUnicodeAwareAndTheSameForPlainAndWildcardValues() {
        detection("User: 'ÄRGER'").matches("{\"User\": \"ärger\"}");
        detection("User: 'ÄR*ER'").matches("{\"User\": \"ärger\"}");
        detection("User: 'kelvin'").matches("{\"User\": \"\u212Aelvin\"}"); // KELVIN SIGN folds to k
        detection("User: 'STRASSE'").misses("{\"User\": \"straße\"}"); // simple folding: no one-to-many
    }

    @Test
    void opsAnchorTheValue() {
        detection("Image: '/usr/bin/curl'").matches("{\"Image\": \"/USR/bin/curl\"}")
                .misses("{\"Image\": \"/usr/bin/curl2\"}", "{\"Image\": \"x/usr/bin/curl\"}");
        detection("Image|startswith: '/tmp/'").matches("{\"Image\": \"/tmp/x\"}").misses("{\"Image\": \"/x/tmp/\"}");
        detection("Image|endswith: '/curl'").matches("{\"Image\": \"/bin/curl\"}").misses("{\"Image\": \"/bin/curl \"}");
        detection("Image: ''").matches("{\"Image\": \"\"}").misses("{\"Image\": \" \"}", "{}");
        detection("Image|contains: ''").matches("{\"Image\": \"\"}", "{\"Image\": \"x\"}").misses("{}");
    }

    @Test
    void wildcards() {
        detection("CommandLine: '*computeMetadata/v1*/token*'")
                .matches("{\"CommandLine\": \"curl computeMetadata/v1beta1/x/token\"}")
                .misses("{\"CommandLine\": \"curl computeMetadata/v2/x/token\"}");
        detection("Image: '?:\\Windows\\\\*'").matches("{\"Image\": \"C:\\\\Windows\\\\x.exe\"}")
                .misses("{\"Image\": \"CD:\\\\Windows\\\\x.exe\"}");
        detection("CommandLine: 'a*b'").matches("{\"CommandLine\": \"a\\nline\\r\\nb\"}");
        detection("CommandLine: 'a?b'").matches("{\"CommandLine\": \"a\uD83D\uDE00b\"}") // one code point
                .misses("{\"CommandLine\": \"ab\"}", "{\"CommandLine\": \"axxb\"}");
        detection("CommandLine: 'a\\*b'").matches("{\"CommandLine\": \"a*b\"}").misses("{\"CommandLine\": \"axb\"}");
        detection("CommandLine: 'a.b(c)'").matches("{\"CommandLine\": \"A.B(C)\"}").misses("{\"CommandLine\": \"axb(c)\"}");
    }

    @Test
    void windashVariantsAreEvaluatedAsTheirOr() {
        detection("CommandLine|windash|contains: '-urlcache'")
                .matches("{\"CommandLine\": \"certutil /urlcache\"}", "{\"CommandLine\": \"certutil \u2013urlcache\"}")
                .misses("{\"CommandLine\": \"certutil urlcache\"}");
    }

    @Test
    void regexIsUnanchoredAndReadLikeRe2() {
        detection("CommandLine|re: 'dev/tcp/[0-9.]+/80'").matches("{\"CommandLine\": \"bash -c x >/dev/tcp/1.2.3.4/80 y\"}");
        detection("CommandLine|re: 'A'").misses("{\"CommandLine\": \"a\"}");
        detection("CommandLine|re|i: 'A'").matches("{\"CommandLine\": \"a\"}");
        // '$' is the end of the value, not also the place before a final line break (Java, PCRE)
        detection("CommandLine|re: 'curl$'").matches("{\"CommandLine\": \"x curl\"}").misses("{\"CommandLine\": \"x curl\\n\"}");
        detection("CommandLine|re|m: '^b$'").matches("{\"CommandLine\": \"a\\nb\\nc\"}", "{\"CommandLine\": \"a\\nb\\n\"}");
        detection("CommandLine|re|m: 'a\\n^$'").matches("{\"CommandLine\": \"a\\n\"}"); // RE2: ^ after a final \n
        detection("CommandLine|re: '(?m)^b$'").matches("{\"CommandLine\": \"a\\nb\\nc\"}");
        detection("CommandLine|re: '[$^]x\\$'").matches("{\"CommandLine\": \"$x$\"}");
        detection("CommandLine|re: 'a.b'").matches("{\"CommandLine\": \"a\\rb\"}").misses("{\"CommandLine\": \"a\\nb\"}");
        detection("CommandLine|re|s: 'a.b'").matches("{\"CommandLine\": \"a\\nb\"}");
    }

    @Test
    void cidrV4AndV6() {
        detection("DestinationIp|cidr: '169.254.169.254/32'")
                .matches("{\"DestinationIp\": \"169.254.169.254\"}")
                .misses("{\"DestinationIp\": \"169.254.169.253\"}", "{\"DestinationIp\": \"169.254.169.2540\"}",
                        "{\"DestinationIp\": \"::ffff:169.254.169.254\"}", "{\"DestinationIp\": \"metadata\"}",
                        "{\"DestinationIp\": \" 169.254.169.254\"}", "{}");
        detection("DestinationIp|cidr: '169.254.0.0/16'").matches("{\"DestinationIp\": \"169.254.170.2\"}")
                .misses("{\"DestinationIp\": \"169.255.0.1\"}");
        detection("DestinationIp|cidr: 'fd00:ec2::254/128'")
                .matches("{\"DestinationIp\": \"fd00:ec2::254\"}", "{\"DestinationIp\": \"FD00:0EC2:0:0:0:0:0:0254\"}")
                .misses("{\"DestinationIp\": \"fd00:ec2::255\"}", "{\"DestinationIp\": \"169.254.169.254\"}");
        detection("DestinationIp|cidr: '10.0.0.0/9'").matches("{\"DestinationIp\": \"10.127.255.255\"}")
                .misses("{\"DestinationIp\": \"10.128.0.0\"}");
    }

    @Test
    void numbersStringsAndBooleans() {
        detection("DestinationPort: 80").matches("{\"DestinationPort\": 80}", "{\"DestinationPort\": 80.0}",
                "{\"DestinationPort\": \"80\"}", "{\"DestinationPort\": [443, 80]}")
                .misses("{\"DestinationPort\": \"080\"}", "{\"DestinationPort\": \" 80\"}", "{\"DestinationPort\": 8080}");
        detection("DestinationPort: '80'").matches("{\"DestinationPort\": 80}", "{\"DestinationPort\": \"80\"}")
                .misses("{\"DestinationPort\": 80.0}");
        detection("Initiated: true").matches("{\"Initiated\": true}", "{\"Initiated\": \"True\"}")
                .misses("{\"Initiated\": false}", "{\"Initiated\": 1}", "{}");
        detection("Initiated: 'true'").matches("{\"Initiated\": true}", "{\"Initiated\": \"TRUE\"}");
    }

    @Test
    void nullExistsAndMissingFields() {
        detection("ParentImage: null").matches("{}", "{\"ParentImage\": null}", "{\"ParentImage\": []}")
                .misses("{\"ParentImage\": \"\"}", "{\"ParentImage\": \"x\"}");
        detection("ParentImage|exists: true").matches("{\"ParentImage\": \"\"}").misses("{}", "{\"ParentImage\": null}");
        detection("ParentImage|exists: false").matches("{}").misses("{\"ParentImage\": \"x\"}");
        EvalFixture notContains = detection("sel:\n    CommandLine|contains: x\ncondition: not sel\n");
        notContains.matches("{}", "{\"CommandLine\": null}", "{\"CommandLine\": \"y\"}").misses("{\"CommandLine\": \"x\"}");
    }

    @Test
    void keywordsSearchEveryStringValue() {
        detection("condition: keywords\nkeywords:\n    - 'latest/meta-data'\n")
                .matches("{\"a\": {\"b\": [\"x\", \"curl LATEST/meta-data/\"]}}")
                .misses("{\"latest/meta-data\": 1}", "{\"a\": 169}");
    }

    @Test
    void dottedPathsAndArrays() {
        EvalFixture f = detection("process.parent.name: bash");
        f.matches("{\"process\": {\"parent\": {\"name\": \"bash\"}}}", "{\"process.parent.name\": \"bash\"}",
                "{\"process.parent\": {\"name\": \"bash\"}}", "{\"process\": {\"parent.name\": \"bash\"}}",
                "{\"process\": [{\"parent\": {\"name\": \"sh\"}}, {\"parent\": {\"name\": \"bash\"}}]}",
                "{\"process\": {\"parent\": {\"name\": [\"sh\", [\"bash\"]]}}}");
        f.misses("{\"process\": {\"parent\": \"bash\"}}", "{\"Process\": {\"parent\": {\"name\": \"bash\"}}}");
        detection("Image|endswith: /curl").misses("{\"Image\": {\"path\": \"/curl\"}}");
    }

    @Test
    void explanationNamesTheFailingPartWithItsPosition() {
        EvalFixture f = detection("sel_img:\n    Image|endswith: '/curl'\nsel_path:\n    CommandLine|contains:\n"
                + "        - 'meta-data/iam/security-credentials'\n        - 'identity-credentials'\n"
                + "condition: sel_img and sel_path\n");
        String why = f.explain("{\"Image\": \"/usr/bin/curl\", \"CommandLine\": \"curl http://169.254.169.254/\"}");
        assertEquals("""
                rule.yml:11:24: no match: all of (2 terms)
                  rule.yml:8:9: no match: any of (2 terms)
                    rule.yml:9:15: no match: CommandLine contains 'meta-data/iam/security-credentials' \
                (CommandLine = "curl http://169.254.169.254/")
                    rule.yml:10:15: no match: CommandLine contains 'identity-credentials'
                """, why);
        String matched = f.explain("{\"Image\": \"/usr/bin/curl\", \"CommandLine\": \"x identity-credentials\"}");
        assertEquals("""
                rule.yml:11:24: match: all of (2 terms)
                  rule.yml:6:25: match: Image endswith '/curl' (Image = "/usr/bin/curl")
                  rule.yml:8:9: match: any of (2 terms)
                    rule.yml:10:15: match: CommandLine contains 'identity-credentials' (CommandLine = "x identity-credentials")
                """, matched);
    }
}
