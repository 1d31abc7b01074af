package org.capledger.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.capledger.api.CapledgerException;
import org.capledger.api.value.IssuerId;
import org.capledger.command.accounts.Account;
import org.capledger.command.accounts.AccountStore;
import org.capledger.command.ocf.OcfImportOptions;
import org.capledger.command.ocf.OcfImportResult;
import org.capledger.command.ocf.OcfImporter;
import org.capledger.platform.ocf.OcfReport;
import org.capledger.query.ocf.OcfExporter;
import org.capledger.query.processing.EventProcessors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone jar's OCF commands, for operators on the machine that holds the database (they act as a platform
 * administrator):
 * <pre>
 * java -jar standalone.jar ocf import PATH [--dry-run] [--checksum-mismatch=warning] [--existing-issuer=refuse]
 *                                          [--owner=EMAIL]
 * java -jar standalone.jar ocf validate PATH      (import --dry-run: checks everything, records nothing)
 * java -jar standalone.jar ocf export ISSUER_ID FILE [--as-of=YYYY-MM-DD]
 * </pre>
 * PATH is a package folder or {@code *.ocf.zip}. The application starts without serving anyone, on the same
 * database settings as the server (the embedded PostgreSQL's data folder cannot be shared by two processes: stop the
 * server first, or point both at one PostgreSQL). Progress goes to standard error (a bar on a terminal), the report
 * to standard output. Exit status: 0 done, 1 refused (the report says why; nothing recorded), 2 usage.
 */
final class OcfCommandLine {

    private final PrintStream out;
    private final PrintStream err;

    OcfCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("ocf");
    }

    /** @return the exit status */
    int run(String[] args, String... springArgs) {
        List<String> positional = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            (args[i].startsWith("--") ? flags : positional).add(args[i]);
        }
        if (positional.isEmpty()) {
            return usage("no command");
        }
        String command = positional.get(0);
        try {
            return switch (command) {
                case "import", "validate" -> positional.size() != 2 ? usage(command + " takes one PATH")
                        : importPackage(Path.of(positional.get(1)), command.equals("validate"), flags, springArgs);
                case "export" -> positional.size() != 3 ? usage("export takes ISSUER_ID and FILE")
                        : export(positional.get(1), Path.of(positional.get(2)), flags, springArgs);
                default -> usage("unknown command " + command);
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int importPackage(Path path, boolean validateOnly, List<String> flags, String[] springArgs) {
        if (!Files.exists(path)) {
            err.println("No such file or folder: " + path);
            return 2;
        }
        OcfImportOptions options = OcfImportOptions.defaults().withDryRun(validateOnly);
        String owner = null;
        for (String flag : flags) {
            String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : "";
            switch (name) {
                case "--dry-run" -> options = options.withDryRun(true);
                case "--checksum-mismatch" -> options = options.withChecksumMismatch(
                        OcfReport.Severity.valueOf(value.toUpperCase(Locale.ROOT)));
                case "--existing-issuer" -> options = options.withExistingIssuer(
                        OcfImportOptions.ExistingIssuer.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
                case "--owner" -> owner = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        try (ConfigurableApplicationContext context = start(springArgs)) {
            AccountStore accounts = context.getBean(AccountStore.class);
            String email = owner != null ? owner : context.getEnvironment().getProperty("capledger.admin.email");
            Account account = email == null ? null : accounts.byEmail(email).orElse(null);
            if (account == null) {
                err.println(email == null ? "Name the new issuer's owner: --owner=EMAIL (an existing account)"
                        : "No account " + email + "; the new issuer's owner must be an account");
                return 2;
            }
            Progress progress = new Progress(err, System.console() != null);
            OcfImportResult result = context.getBean(OcfImporter.class).importPackage(path, options,
                    new OcfImporter.Actor(account.accountId(), true), "cli-" + UUID.randomUUID(), progress);
            progress.done();
            print(result);
            if (result.outcome() == OcfImportResult.Outcome.IMPORTED) {
                EventProcessors processors = context.getBean(EventProcessors.class);
                processors.awaitProcessed(result.position(), Duration.ofMinutes(10));
            }
            return result.outcome() == OcfImportResult.Outcome.FAILED ? 1 : 0;
        }
    }

    private void print(OcfImportResult result) {
        OcfReport report = result.report();
        report.items().forEach(item -> out.println(item));
        out.println(switch (result.outcome()) {
            case IMPORTED -> "Imported as issuer " + result.issuerId() + ": " + result.recorded()
                    + " objects and transactions, " + result.events() + " events";
            case VALID -> "Valid: importing it would record " + result.recorded() + " objects and transactions"
                    + " (nothing recorded)";
            case FAILED -> "Refused: nothing recorded";
        } + " (" + report.errors().size() + " errors, " + report.warnings().size() + " warnings, "
                + result.durationMillis() + " ms)");
    }

    private int export(String issuerId, Path file, List<String> flags, String[] springArgs) {
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
        for (String flag : flags) {
            if (flag.startsWith("--as-of=")) {
                asOf = LocalDate.parse(flag.substring("--as-of=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        try (ConfigurableApplicationContext context = start(springArgs)) {
            OcfExporter exporter = context.getBean(OcfExporter.class);
            try (OutputStream zip = Files.newOutputStream(file)) {
                OcfExporter.zip(exporter.files(IssuerId.of(issuerId), asOf, Instant.now()), zip);
            }
            out.println("Exported issuer " + issuerId + " as of " + asOf + " to " + file);
            return 0;
        } catch (CapledgerException e) {
            err.println(e.code() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * The application as the server runs it (its security and web configuration need a servlet context), but
     * listening only on a random loopback port nobody is told of, quiet but for warnings.
     */
    private ConfigurableApplicationContext start(String[] springArgs) {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "server.address=127.0.0.1", "capledger.ocf.command-line=true",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN", "logging.level.org.capledger=WARN")
                .run(springArgs);
    }

    private int usage(String problem) {
        err.println("capledger: " + problem);
        err.println("""
                usage: java -jar standalone.jar ocf import PATH [--dry-run] [--checksum-mismatch=warning]
                                                 [--existing-issuer=refuse] [--owner=EMAIL]
                       java -jar standalone.jar ocf validate PATH
                       java -jar standalone.jar ocf export ISSUER_ID FILE [--as-of=YYYY-MM-DD]""");
        return 2;
    }

    /** A progress bar on a terminal; a line every 10% otherwise. */
    private static final class Progress implements OcfImporter.Progress {
        private final PrintStream err;
        private final boolean terminal;
        private int lastTenth = -1;

        Progress(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void update(int done, int total) {
            if (total <= 0) {
                return;
            }
            int percent = (int) (100L * done / total);
            if (terminal) {
                int width = 40;
                int filled = width * percent / 100;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "% " + done
                        + "/" + total);
                err.flush();
            } else if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                err.println(done + " of " + total + " items (" + percent + "%)");
            }
        }

        void done() {
            if (terminal) {
                err.println();
            }
        }
    }
}
