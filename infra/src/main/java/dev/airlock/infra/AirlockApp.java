package dev.airlock.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.StackProps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDK app. Run by {@code scripts/synth} (plain {@code java -cp}) or by the CDK CLI through
 * {@code infra/cdk.json}; either way it needs no AWS credentials: the stack is environment-agnostic.
 */
public final class AirlockApp {

    public static final String DEFAULT_STACK_NAME = "Airlock";
    public static final Path DEFAULT_OUT_DIR = Path.of("infra", "cdk.out");
    private static final String USAGE = """
            Usage: AirlockApp [--out DIR] [--stack-name NAME] [-c KEY=VALUE]...

            Synthesizes the Airlock CloudFormation template into DIR (default infra/cdk.out).
            Context keys (-c):
              lambdaZip       Lambda package (default functions/app/target/airlock-functions-lambda.zip)
              caKeySpec       ECC_NIST_P256 (default) | RSA_3072 | RSA_4096 | ECC_NIST_EDWARDS25519
              memoryMb        function memory in MB (default 1024)
              timeoutSeconds  function timeout (default 25)
              jwtIssuer       default of the JwtIssuer parameter
              jwtAudience     default of the JwtAudience parameter (comma separated)
              userClaim       JWT claim naming the user (default sub)
              groupsClaim     JWT claim listing groups (default groups)
              throttleBurst   default of ThrottleBurstLimit (100)
              throttleRate    default of ThrottleRateLimit (50)
              keyAdministratorRoleArn  default of KeyAdministratorRoleArn (break-glass role; else required at deploy)
              codeBucket, codeKey  use a package already in S3 instead of a CDK asset (no bootstrap needed)
            """;

    private AirlockApp() {
    }

    public static void main(String[] args) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            Path template = synthesize(arguments.context(), arguments.outDir(), arguments.stackName());
            System.out.println("wrote " + template);
        } catch (IllegalArgumentException e) {
            fail(System.err, e.getMessage());
        }
    }

    /**
     * Synthesizes the stack and returns the path of its template. When the CDK CLI runs the app it
     * sets {@code CDK_OUTDIR} and passes context itself; then {@code outDir} is not used.
     */
    public static Path synthesize(Map<String, Object> context, Path outDir, String stackName) {
        AppProps.Builder props = AppProps.builder().context(context).analyticsReporting(false);
        if (System.getenv("CDK_OUTDIR") == null) {
            props.outdir(outDir.toString());
        }
        App app = new App(props.build());
        createStack(app, stackName);
        return Path.of(app.synth().getDirectory(), stackName + ".template.json");
    }

    /** Adds the stack to {@code app}, configured from the app's context. */
    public static AirlockStack createStack(App app, String stackName) {
        StackConfig config = StackConfig.from(app.getNode());
        StackProps.Builder props = StackProps.builder()
                .stackName(stackName)
                .description("Airlock: just-in-time, two-person-approved SSH access");
        if (config.codeLocation().isPresent()) {
            // No CDK assets: the template deploys without `cdk bootstrap` (emulators).
            props.synthesizer(DefaultStackSynthesizer.Builder.create().generateBootstrapVersionRule(false).build());
        }
        return new AirlockStack(app, stackName, props.build(), config);
    }

    private static void fail(PrintStream err, String message) {
        err.println("error: " + message);
        System.exit(2);
    }

    /** The command line, parsed. */
    record Arguments(boolean help, Path outDir, String stackName, Map<String, Object> context) {

        static Arguments parse(String[] args) {
            Map<String, Object> context = new LinkedHashMap<>();
            Path outDir = DEFAULT_OUT_DIR;
            String stackName = DEFAULT_STACK_NAME;
            List<String> list = List.of(args);
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Arguments(true, outDir, stackName, context);
                    }
                    case "--out" -> outDir = Path.of(value(list, ++i, arg));
                    case "--stack-name" -> stackName = value(list, ++i, arg);
                    case "-c", "--context" -> {
                        String pair = value(list, ++i, arg);
                        int eq = pair.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException(arg + " expects KEY=VALUE, got " + pair);
                        }
                        context.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + arg + " (try --help)");
                }
            }
            return new Arguments(false, outDir, stackName, context);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }
    }
}
