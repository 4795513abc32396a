package org.alidav.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.alidav.option.ValueParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Parses the command line with picocli: serving is the default, {@code login},
 * {@code hash-password} and {@code options} are subcommands. {@link #usage()} is generated from the same declarations.
 * Mistakes become a {@link UsageException} worded as before picocli (one line, ending with the hint
 * to --help), so scripts and users see the same messages.
 */
public final class Cli {
    private static final String ENVIRONMENT = """

            Environment (overridden by the options above, override the file):
              ALIDAV_CONFIG, ALIDAV_HOST, ALIDAV_PORT, ALIDAV_DATA_DIR,
              ALIDAV_READ_ONLY, ALIDAV_ALLOW_ANONYMOUS, ALIDAV_LOG_LEVEL (info|debug|warn)
            """;

    private Cli() {
    }

    /** The options every command that reads the config has. Values stay text until {@link #toArgs}. */
    static class ConfigOptions {
        @Option(names = "--config", paramLabel = "FILE",
                description = {"config file (default: $ALIDAV_CONFIG, else ./alidav.yaml,", "else config/alidav.example.yaml)"})
        String config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "directory for the server's state (overrides server.data_dir)")
        String dataDir;

        @Option(names = {"-h", "--help"}, usageHelp = true, arity = "0", description = "print this help and exit")
        boolean help;
    }

    @Command(name = "alidav", customSynopsis = {"java -jar alidav.jar [options]",
            "       java -jar alidav.jar login [--config FILE] [--mount PATH]",
            "       java -jar alidav.jar hash-password",
            "       java -jar alidav.jar options"},
            description = "%nA WebDAV server for AliyunDrive and local folders.%n", optionListHeading = "Options:%n",
            commandListHeading = "%nCommands:%n", footer = ENVIRONMENT, sortOptions = false,
            subcommands = {LoginOptions.class, HashPasswordOptions.class, OptionListOptions.class})
    static final class ServeOptions extends ConfigOptions {
        @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (overrides server.host)")
        String host;

        @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (overrides server.port)")
        String port;

        @Option(names = "--sandbox", arity = "0", description = "serve an offline emulator instead of the real drive")
        boolean sandbox;

        @Option(names = "--version", versionHelp = true, arity = "0", description = "print the version and exit")
        boolean version;
    }

    @Command(name = "login", customSynopsis = "java -jar alidav.jar login [options]",
            header = "log a storage in with a QR code and your own Open Platform app",
            description = {"%nShows a QR code to scan with the AliyunDrive app and saves the refresh token it yields in the",
                    "storage's token file under data_dir, where the driver reads it; a running server picks it up",
                    "without a restart.",
                    "Exit status: 0 logged in, 1 no network or the service failed, 2 config or app credentials,",
                    "3 every QR code expired, 130 interrupted (nothing saved).%n"},
            optionListHeading = "Options:%n", sortOptions = false)
    static final class LoginOptions extends ConfigOptions {
        @Option(names = "--mount", paramLabel = "PATH",
                description = {"the aliyundrive-open storage to log in (default: the only", "one; asked when there are several)"})
        String mount;
    }

    /** A command that reads no config: its only option is --help. */
    static class HelpOnly {
        @Option(names = {"-h", "--help"}, usageHelp = true, arity = "0", description = "print this help and exit")
        boolean help;
    }

    @Command(name = "hash-password", customSynopsis = "java -jar alidav.jar hash-password",
            header = "read a password from stdin and print the hash for the users: section",
            optionListHeading = "%nOptions:%n")
    static final class HashPasswordOptions extends HelpOnly {
    }

    @Command(name = "options", customSynopsis = "java -jar alidav.jar options",
            header = "list every key of the config file with its type, default and help",
            optionListHeading = "%nOptions:%n")
    static final class OptionListOptions extends HelpOnly {
    }

    /** The help of the command {@code args} name (the server's when none). */
    public static String usage(String... args) {
        CommandLine cl = commandLine();
        CommandLine target = cl.getSubcommands().getOrDefault(args.length > 0 ? args[0] : "", cl);
        return target.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** {@code Implementation-Version} of the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Accepts {@code --flag value} and {@code --flag=value}; throws {@link UsageException}. */
    public static CliArgs parse(String... args) {
        CommandLine cl = commandLine();
        CommandLine.ParseResult result;
        try {
            result = cl.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(problem(e, args));
        }
        ServeOptions serve = cl.getCommand();
        CommandLine.ParseResult sub = result.subcommand();
        if (sub == null) {
            return toArgs(CliArgs.Command.SERVE, serve.config, serve.dataDir, serve.host, serve.port, serve.sandbox, null,
                    serve.help, serve.version);
        }
        if (serve.host != null || serve.port != null || serve.sandbox) {
            throw new UsageException("--host, --port and --sandbox are options of the server, not of " + sub.commandSpec().name());
        }
        // --config and --data-dir may stand before the command too; the command's own win
        if (sub.commandSpec().userObject() instanceof LoginOptions login) {
            return toArgs(CliArgs.Command.LOGIN, first(login.config, serve.config), first(login.dataDir, serve.dataDir), null, null,
                    false, login.mount, login.help || serve.help, false);
        }
        if (sub.commandSpec().userObject() instanceof OptionListOptions list) {
            return toArgs(CliArgs.Command.OPTIONS, serve.config, serve.dataDir, null, null, false, null, list.help || serve.help, false);
        }
        HashPasswordOptions hash = sub.commandSpec().commandLine().getCommand();
        return toArgs(CliArgs.Command.HASH_PASSWORD, serve.config, serve.dataDir, null, null, false, null, hash.help || serve.help, false);
    }

    private static CliArgs toArgs(CliArgs.Command command, String config, String dataDir, String host, String port, boolean sandbox,
                                  String mount, boolean help, boolean version) {
        return new CliArgs(command,
                Optional.ofNullable(config).map(v -> Path.of(value("--config", v, ValueParser.NON_BLANK))),
                Optional.ofNullable(host).map(v -> value("--host", v, ConfigKeys.HOST.type()).trim()),
                Optional.ofNullable(port).map(v -> value("--port", v, ConfigKeys.PORT.type())),
                Optional.ofNullable(dataDir).map(v -> Path.of(value("--data-dir", v, ConfigKeys.DATA_DIR.type()))),
                Optional.ofNullable(mount).map(v -> value("--mount", v, ConfigKeys.MOUNT_PATH)),
                sandbox, help, version);
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static CommandLine commandLine() {
        return new CommandLine(new ServeOptions())
                .setOverwrittenOptionsAllowed(true)
                .setUsageHelpWidth(100);
    }

    /** picocli's message in the words this command line always used. */
    private static String problem(ParameterException e, String[] args) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String arg = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (!arg.startsWith("-")) return "unexpected argument '" + arg + "'";
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            return e.getMessage().contains("should be specified without") ? flag + " takes no value" : "unknown option '" + flag + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        String message = e.getMessage();
        for (String arg : args) {
            if (arg.startsWith("--") && message.contains("'" + arg.split("=", 2)[0] + "'")
                    && message.contains("should be specified without")) {
                return arg.split("=", 2)[0] + " takes no value";
            }
        }
        return message;
    }

    private static <T> T value(String flag, String raw, ValueParser<T> parser) {
        try {
            return parser.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
    }
}
