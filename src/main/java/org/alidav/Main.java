package org.alidav;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.alidav.config.Cli;
import org.alidav.config.CliArgs;
import org.alidav.config.ConfigException;
import org.alidav.config.ConfigResolver;
import org.alidav.config.HashPasswordCommand;
import org.alidav.config.LoadedConfig;
import org.alidav.config.UsageException;

/**
 * {@code java -jar alidav.jar [--config FILE] [--host H] [--port P] [--data-dir D] [--sandbox]}, or
 * {@code login [--config FILE] [--mount PATH]}, or {@code hash-password}, or {@code options}, or {@code self-test}. Exit codes:
 * 0 serving or done,
 * 2 bad command line or config or a data_dir in use, 1 failed to start; {@code login} adds 3 (every
 * QR code expired) and 130 (interrupted); {@code self-test} 1 when an answer was wrong.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) System.exit(code);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CliArgs cli;
        LoadedConfig loaded;
        try {
            cli = Cli.parse(args);
            if (cli.help()) {
                out.print(Cli.usage(cli.command().word()));
                return 0;
            }
            if (cli.version()) {
                out.println("alidav " + Cli.version());
                return 0;
            }
            if (cli.command() == CliArgs.Command.HASH_PASSWORD) return HashPasswordCommand.onSystemStreams().run();
            if (cli.command() == CliArgs.Command.OPTIONS) {
                out.print(OptionList.text());
                return 0;
            }
            if (cli.command() == CliArgs.Command.SELF_TEST) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
                return new SelfTest(out, err).run();
            }
            loaded = ConfigResolver.resolve(cli, env, Path.of(""));
        } catch (UsageException | ConfigException e) {
            err.println("alidav: " + e.getMessage());
            return 2;
        }
        // slf4j-simple reads its level once, when the first logger is made: set it before anything logs
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", loaded.config().server().logLevel());
        if (cli.command() == CliArgs.Command.LOGIN) return LoginCommand.onSystemStreams(loaded, cli.mount(), out, err).run();
        return Launcher.serve(loaded, cli.sandbox(), out, err);
    }
}
