package org.alidav.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Parses the command line; {@link #usage()} documents it. */
public final class Cli {
    private static final Set<String> VALUE_FLAGS = Set.of("--config", "--host", "--port", "--data-dir");

    private Cli() {
    }

    public static String usage() {
        return """
                Usage: java -jar alidav.jar [options]
                       java -jar alidav.jar hash-password

                A WebDAV server for AliyunDrive and local folders.

                Options:
                  --config FILE    config file (default: $ALIDAV_CONFIG, else ./alidav.yaml,
                                   else config/alidav.example.yaml)
                  --host HOST      address to listen on (overrides server.host)
                  --port PORT      port to listen on (overrides server.port)
                  --data-dir DIR   directory for the server's state (overrides server.data_dir)
                  --sandbox        serve an offline emulator instead of the real drive
                  --version        print the version and exit
                  -h, --help       print this help and exit

                Commands:
                  hash-password    read a password from stdin and print the hash to put
                                   in the users: section of the config file

                Environment (overridden by the options above, override the file):
                  ALIDAV_CONFIG, ALIDAV_HOST, ALIDAV_PORT, ALIDAV_DATA_DIR,
                  ALIDAV_READ_ONLY, ALIDAV_ALLOW_ANONYMOUS, ALIDAV_LOG_LEVEL (info|debug|warn)
                """;
    }

    /** {@code Implementation-Version} of the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Accepts {@code --flag value} and {@code --flag=value}; throws {@link UsageException}. */
    public static CliArgs parse(String... args) {
        CliArgs.Command command = CliArgs.Command.SERVE;
        Optional<Path> config = Optional.empty();
        Optional<String> host = Optional.empty();
        Optional<Integer> port = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        boolean sandbox = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? null : arg.substring(equals + 1);
            if (VALUE_FLAGS.contains(flag) && value == null) {
                if (i + 1 == args.length || args[i + 1].startsWith("--")) throw new UsageException(flag + " needs a value");
                value = args[++i];
            }
            switch (flag) {
                case "--config" -> config = Optional.of(Path.of(value(flag, value, ValueParser.NON_BLANK)));
                case "--host" -> host = Optional.of(value(flag, value, ValueParser.NON_BLANK).trim());
                case "--port" -> port = Optional.of(value(flag, value, ValueParser.PORT));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(flag, value, ValueParser.NON_BLANK)));
                case "--sandbox" -> sandbox = noValue(flag, value);
                case "--version" -> version = noValue(flag, value);
                case "--help", "-h" -> help = noValue(flag, value);
                case "hash-password" -> command = CliArgs.Command.HASH_PASSWORD;
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + flag + "'" : "unexpected argument '" + arg + "'");
            }
        }
        return new CliArgs(command, config, host, port, dataDir, sandbox, help, version);
    }

    private static <T> T value(String flag, String raw, ValueParser<T> parser) {
        try {
            return parser.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
    }

    private static boolean noValue(String flag, String inline) {
        if (inline != null) throw new UsageException(flag + " takes no value");
        return true;
    }
}
